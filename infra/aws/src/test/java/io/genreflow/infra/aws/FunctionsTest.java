package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** One Lambda per function, on java21 with SnapStart behind an alias, fed by its queues. */
class FunctionsTest {

    private final Synthesized synthesized = Synthesized.DEFAULT;
    private final Template template = synthesized.template();

    @Test
    void eachFunctionRunsItsQuarkusPackageOnJava21WithSnapStart() {
        Map<String, Object> memory = new TreeMap<>();
        synthesized.stack().functions().forEach((role, function) -> {
            template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", name(role),
                    "Runtime", "java21",
                    "Handler", PipelineFunction.QUARKUS_HANDLER,
                    "SnapStart", Map.of("ApplyOn", "PublishedVersions"),
                    "Layers", List.of(Map.of("Ref", Match.stringLikeRegexp("Models.*")))));
            Map<String, Object> properties = synthesized.resources().get(synthesized.logicalId(function.function()));
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) properties.get("Properties");
            memory.put(role, props.get("MemorySize") + "MB/" + props.get("Timeout") + "s");
        });
        assertEquals(Map.of("splitter", "2048MB/120s", "aggregator", "1024MB/60s", "dashboard", "1024MB/30s",
                "classifier-logmel", "2048MB/60s", "classifier-spectrogram", "2048MB/60s",
                "classifier-chroma", "2048MB/60s", "classifier-waveform", "2048MB/60s"), memory);
    }

    @Test
    void eachTriggerInvokesTheLiveAliasAndReportsPartialBatchFailures() {
        Map<String, String> triggers = new TreeMap<>();
        synthesized.resourcesOfType("AWS::Lambda::EventSourceMapping").values().forEach(mapping -> {
            assertEquals(List.of("ReportBatchItemFailures"), mapping.get("FunctionResponseTypes"));
            String queue = queueName(mapping.get("EventSourceArn"));
            triggers.put(queue, functionOf(mapping.get("FunctionName")) + " batch=" + mapping.get("BatchSize")
                    + " max=" + ((Map<?, ?>) mapping.get("ScalingConfig")).get("MaximumConcurrency"));
        });
        Map<String, String> expected = new TreeMap<>();
        expected.put("genreflow-uploads", "splitter batch=1 max=10");
        for (String representation : List.of("logmel", "spectrogram", "chroma", "waveform")) {
            expected.put("genreflow-snippets-" + representation, "classifier-" + representation + " batch=2 max=20");
            expected.put("genreflow-snippets-" + representation + "-dlq", "aggregator batch=10 max=5");
        }
        expected.put("genreflow-results", "aggregator batch=10 max=5");
        expected.put("genreflow-results-dlq", "aggregator batch=10 max=5");
        expected.put("genreflow-uploads-dlq", "aggregator batch=10 max=5");
        assertEquals(expected, triggers);
    }

    @Test
    void theClassifierOfEachRepresentationIsTheSamePackageToldItsRepresentation() {
        for (String representation : List.of("logmel", "spectrogram", "chroma", "waveform")) {
            template.hasResourceProperties("AWS::Lambda::Function", Map.of(
                    "FunctionName", "genreflow-classifier-" + representation,
                    "Environment", Map.of("Variables", Match.objectLike(Map.of(
                            "GENREFLOW_CLASSIFIER_REPRESENTATION", representation,
                            "GENREFLOW_CLASSIFIER_ONNX_PROVIDER", "cpu",
                            "GENREFLOW_MODELS_MANIFEST", FunctionEnvironment.LAYER_MANIFEST,
                            "JAVA_TOOL_OPTIONS", "--enable-native-access=ALL-UNNAMED")))));
        }
        List<?> codes = synthesized.resourcesOfType("AWS::Lambda::Function").values().stream()
                .filter(f -> String.valueOf(f.get("FunctionName")).startsWith("genreflow-classifier-"))
                .map(f -> ((Map<?, ?>) f.get("Code")).get("S3Key")).distinct().toList();
        assertEquals(1, codes.size(), "one asset for all four: " + codes);
    }

    @Test
    void theModelsLayerHoldsTheManifestUnderOptModels() {
        template.hasResourceProperties("AWS::Lambda::LayerVersion", Map.of(
                "CompatibleRuntimes", List.of("java21", "provided.al2023")));
    }

    @Test
    void theNativeSplitterRunsOnTheCustomRuntimeWithoutSnapStart() {
        Synthesized.VARIANT.template().hasResourceProperties("AWS::Lambda::Function", Map.of(
                "FunctionName", "gf-splitter", "Runtime", "provided.al2023", "Handler", PipelineFunction.NATIVE_HANDLER,
                "SnapStart", Match.absent()));
    }

    @Test
    void eachFunctionLogsToItsOwnLogGroup() {
        synthesized.stack().functions().keySet().forEach(role -> template.hasResourceProperties("AWS::Logs::LogGroup",
                Map.of("LogGroupName", "/aws/lambda/" + name(role), "RetentionInDays", 30)));
    }

    private static String name(String role) {
        return "genreflow-" + role;
    }

    /** The queue an event source ARN ({"Fn::GetAtt": [id, "Arn"]}) points at. */
    private String queueName(Object arn) {
        String id = (String) ((List<?>) ((Map<?, ?>) arn).get("Fn::GetAtt")).get(0);
        return (String) ((Map<?, ?>) synthesized.resources().get(id).get("Properties")).get("QueueName");
    }

    /** The role of the function whose live alias a mapping's FunctionName (name:live, from the alias ARN) names. */
    private String functionOf(Object functionName) {
        String name = Policies.render(functionName);
        return synthesized.stack().functions().entrySet().stream()
                .filter(e -> name.contains("${" + synthesized.logicalId(e.getValue().alias()) + "}")
                        && name.endsWith(":" + PipelineFunction.ALIAS))
                .map(Map.Entry::getKey).findFirst().orElse("not an alias: " + name);
    }
}
