package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.contracts.Representation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;

/** Containerised classifiers: GPU instances from zero, Fargate, both scaled on queue depth down to zero. */
class QueueWorkersTest {

    private final Synthesized synthesized = Synthesized.VARIANT;
    private final Template template = synthesized.template();

    @Test
    void containerisedRepresentationsHaveNoLambdaAndTheOthersKeepTheirs() {
        assertEquals(List.of("aggregator", "classifier-spectrogram", "classifier-waveform", "splitter"),
                synthesized.stack().functions().keySet().stream().sorted().toList());
        assertEquals(List.of("chroma", "logmel"), synthesized.stack().workers().keySet().stream()
                .map(Representation::id).sorted().toList());
    }

    @Test
    void theGpuWorkerRunsOnGpuInstancesThatStartAtZero() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "RequiresCompatibilities", List.of("EC2"),
                "ContainerDefinitions", List.of(Match.objectLike(Map.of(
                        "ResourceRequirements", List.of(Map.of("Type", "GPU", "Value", "1")))))));
        template.hasResourceProperties("AWS::AutoScaling::AutoScalingGroup", Map.of("MinSize", "0", "MaxSize", "4"));
        template.hasResourceProperties("AWS::EC2::LaunchTemplate", Map.of("LaunchTemplateData", Match.objectLike(Map.of(
                "InstanceType", "g4dn.xlarge",
                "MetadataOptions", Map.of("HttpTokens", "required")))));
        template.hasResourceProperties("AWS::ECS::CapacityProvider", Map.of("AutoScalingGroupProvider", Match.objectLike(
                Map.of("ManagedScaling", Match.objectLike(Map.of("Status", "ENABLED", "TargetCapacity", 100))))));
    }

    @Test
    void theCpuWorkerRunsOnFargate() {
        template.hasResourceProperties("AWS::ECS::TaskDefinition", Map.of(
                "RequiresCompatibilities", List.of("FARGATE"), "Cpu", "1024", "Memory", "2048"));
        template.hasResourceProperties("AWS::ECS::Service", Map.of("LaunchType", "FARGATE", "DesiredCount", 0));
    }

    @Test
    void eachWorkerServiceScalesOnItsQueueDepthBetweenZeroAndMaxWorkers() {
        Map<String, Map<String, Object>> targets = synthesized.resourcesOfType("AWS::ApplicationAutoScaling::ScalableTarget");
        assertEquals(2, targets.size());
        targets.values().forEach(target -> {
            assertEquals(0, target.get("MinCapacity"));
            assertEquals(4, target.get("MaxCapacity"));
        });
        template.hasResourceProperties("AWS::ApplicationAutoScaling::ScalingPolicy", Map.of(
                "PolicyType", "StepScaling",
                "StepScalingPolicyConfiguration", Match.objectLike(Map.of("AdjustmentType", "ExactCapacity"))));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("Metrics", Match.arrayWith(List.of(
                Match.objectLike(Map.of("Expression", "visible + inflight"))))));
    }

    @Test
    void bothImagesAreBuiltFromTheWorkersContextWithTheirStage() {
        Map<String, Object> images = new TreeMap<>();
        synthesized.stack().getNode().findAll().forEach(construct -> {
            if (construct instanceof DockerImageAsset asset) {
                images.put(construct.getNode().getId(), asset.getAssetHash().length());
            }
        });
        assertEquals(Map.of("CpuImage", 64, "GpuImage", 64), images);
    }
}
