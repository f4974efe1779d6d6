package io.genreflow.infra.aws;

import io.genreflow.contracts.Representation;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.applicationautoscaling.AdjustmentType;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.applicationautoscaling.ScalingInterval;
import software.amazon.awscdk.services.applicationautoscaling.BasicStepScalingPolicyProps;
import software.amazon.awscdk.services.autoscaling.AutoScalingGroup;
import software.amazon.awscdk.services.ec2.BlockDevice;
import software.amazon.awscdk.services.ec2.BlockDeviceVolume;
import software.amazon.awscdk.services.ec2.EbsDeviceOptions;
import software.amazon.awscdk.services.cloudwatch.MathExpression;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.LaunchTemplate;
import software.amazon.awscdk.services.ec2.UserData;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ecr.assets.DockerImageAsset;
import software.amazon.awscdk.services.ecs.AmiHardwareType;
import software.amazon.awscdk.services.ecs.AsgCapacityProvider;
import software.amazon.awscdk.services.ecs.BaseService;
import software.amazon.awscdk.services.ecs.CapacityProviderStrategy;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.Ec2Service;
import software.amazon.awscdk.services.ecs.Ec2TaskDefinition;
import software.amazon.awscdk.services.ecs.EcsOptimizedImage;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDrivers;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.NetworkMode;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The classifier as a queue worker container (AWS Lambda has no GPUs): one ECS service per
 * containerised representation, on Fargate (CPU) or on GPU instances of an EC2 capacity provider
 * whose Auto Scaling group starts at zero. Each service scales on its queue's depth (visible plus
 * in-flight messages) from zero tasks to {@code maxWorkers}; the GPU capacity follows the tasks.
 *
 * <p>The VPC has public subnets only and no NAT gateway: the tasks reach S3, SQS, ECR and CloudWatch
 * over the internet gateway with a public address, and their security group admits no inbound traffic.
 */
public final class QueueWorkers extends Construct {

    /** The image's stage for Fargate: JRE 21 and the CPU build of ONNX Runtime. */
    public static final String CPU_TARGET = "cpu";
    /** The image's stage for GPU instances: CUDA 12, cuDNN 9, JRE 21 and onnxruntime_gpu. */
    public static final String GPU_TARGET = "gpu";

    private final Cluster cluster;
    private final SecurityGroup tasks;
    private final String workerContext;
    private DockerImageAsset cpuImage;
    private DockerImageAsset gpuImage;
    private AsgCapacityProvider gpuCapacity;
    private final String gpuInstanceType;
    private final int maxWorkers;

    /**
     * @param workerContext   the worker's Docker build context
     * @param gpuInstanceType the GPU instances' type
     * @param maxWorkers      the most tasks per representation
     */
    public QueueWorkers(Construct scope, String id, String workerContext, String gpuInstanceType, int maxWorkers) {
        super(scope, id);
        this.workerContext = workerContext;
        this.gpuInstanceType = gpuInstanceType;
        this.maxWorkers = maxWorkers;
        Vpc vpc = Vpc.Builder.create(this, "Network")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder().name("public")
                        .subnetType(SubnetType.PUBLIC).cidrMask(24).build()))
                .flowLogs(Map.of("rejected", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(LogGroup.Builder.create(this, "FlowLogs")
                                .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build()))
                        .trafficType(FlowLogTrafficType.REJECT)
                        .build()))
                .build();
        this.tasks = SecurityGroup.Builder.create(this, "Tasks").vpc(vpc)
                .description("genreflow queue workers: no inbound traffic").allowAllOutbound(true).build();
        this.cluster = Cluster.Builder.create(this, "Cluster").vpc(vpc)
                .containerInsightsV2(ContainerInsights.ENABLED).build();
    }

    /**
     * A worker service for {@code representation} that consumes {@code queue}.
     *
     * @return the task definition, whose task role the caller grants the classifier's access (and
     *         then accepts the bucket-prefix findings on, see {@link Nag#acceptBucketPrefixes})
     */
    public TaskDefinition add(Representation representation, ClassifierRuntime runtime, IQueue queue,
                              Map<String, String> environment) {
        String id = representation.id();
        LogGroup logs = LogGroup.Builder.create(this, "Logs-" + id)
                .retention(RetentionDays.ONE_MONTH).removalPolicy(RemovalPolicy.DESTROY).build();
        ContainerDefinitionOptions.Builder container = ContainerDefinitionOptions.builder()
                .environment(environment)
                .logging(LogDrivers.awsLogs(AwsLogDriverProps.builder().logGroup(logs).streamPrefix(id).build()));
        BaseService service;
        TaskDefinition task;
        if (runtime == ClassifierRuntime.GPU) {
            Ec2TaskDefinition gpuTask = Ec2TaskDefinition.Builder.create(this, "Task-" + id)
                    .networkMode(NetworkMode.AWS_VPC).build();
            gpuTask.addContainer("worker", container.image(ContainerImage.fromDockerImageAsset(gpuImage())).gpuCount(1)
                    .memoryReservationMiB(8192).build());
            service = Ec2Service.Builder.create(this, "Service-" + id).cluster(cluster).taskDefinition(gpuTask)
                    .desiredCount(0).securityGroups(List.of(tasks))
                    .capacityProviderStrategies(List.of(CapacityProviderStrategy.builder()
                            .capacityProvider(gpuCapacity().getCapacityProviderName()).weight(1).build()))
                    .build();
            task = gpuTask;
        } else {
            FargateTaskDefinition cpuTask = FargateTaskDefinition.Builder.create(this, "Task-" + id)
                    .cpu(1024).memoryLimitMiB(2048).build();
            cpuTask.addContainer("worker", container.image(ContainerImage.fromDockerImageAsset(cpuImage())).build());
            service = FargateService.Builder.create(this, "Service-" + id).cluster(cluster).taskDefinition(cpuTask)
                    .desiredCount(0).assignPublicIp(true).securityGroups(List.of(tasks))
                    .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                    .build();
            task = cpuTask;
        }
        scaleOnQueueDepth(service, queue);
        Nag.accept(task, "AwsSolutions-ECS2", "The environment holds only settings (bucket, queue prefix, "
                + "representation, provider); the task role supplies credentials, and there are no secrets");
        Nag.acceptWildcards(task.obtainExecutionRole(), "ecr:GetAuthorizationToken, which pulls the image, has no "
                + "resource-level permissions: AWS requires Resource *", "Resource::*");
        return task;
    }

    /** Zero tasks on an empty queue, one as soon as a message waits, up to maxWorkers as the backlog grows. */
    private void scaleOnQueueDepth(BaseService service, IQueue queue) {
        MetricOptions perMinute = MetricOptions.builder().period(Duration.minutes(1)).statistic("Maximum").build();
        MathExpression depth = MathExpression.Builder.create()
                .expression("visible + inflight")
                // A sorted map: Map.of's order changes from one JVM to the next, and so would the template.
                .usingMetrics(new TreeMap<>(Map.of("visible", queue.metricApproximateNumberOfMessagesVisible(perMinute),
                        "inflight", queue.metricApproximateNumberOfMessagesNotVisible(perMinute))))
                .period(Duration.minutes(1))
                .build();
        service.autoScaleTaskCount(EnableScalingProps.builder().minCapacity(0).maxCapacity(maxWorkers).build())
                .scaleOnMetric("QueueDepth", BasicStepScalingPolicyProps.builder()
                        .metric(depth)
                        .adjustmentType(AdjustmentType.EXACT_CAPACITY)
                        .scalingSteps(List.of(
                                ScalingInterval.builder().upper(0).change(0).build(),
                                ScalingInterval.builder().lower(1).upper(100).change(1).build(),
                                ScalingInterval.builder().lower(100).upper(500).change(Math.min(2, maxWorkers)).build(),
                                ScalingInterval.builder().lower(500).change(maxWorkers).build()))
                        .cooldown(Duration.minutes(2))
                        .build());
    }

    private DockerImageAsset cpuImage() {
        if (cpuImage == null) {
            cpuImage = DockerImageAsset.Builder.create(this, "CpuImage").directory(workerContext).target(CPU_TARGET).build();
        }
        return cpuImage;
    }

    private DockerImageAsset gpuImage() {
        if (gpuImage == null) {
            gpuImage = DockerImageAsset.Builder.create(this, "GpuImage").directory(workerContext).target(GPU_TARGET).build();
        }
        return gpuImage;
    }

    /** GPU instances for the cluster, none until tasks need them (managed scaling follows the tasks). */
    private AsgCapacityProvider gpuCapacity() {
        if (gpuCapacity == null) {
            // A launch template: launch configurations can no longer be created in new accounts.
            Role instanceRole = Role.Builder.create(this, "GpuInstanceRole")
                    .assumedBy(new ServicePrincipal("ec2.amazonaws.com")).build();
            LaunchTemplate template = LaunchTemplate.Builder.create(this, "GpuLaunchTemplate")
                    .instanceType(new InstanceType(gpuInstanceType))
                    .machineImage(EcsOptimizedImage.amazonLinux2023(AmiHardwareType.GPU))
                    .userData(UserData.forLinux())
                    .role(instanceRole)
                    .securityGroup(tasks)
                    .requireImdsv2(true)
                    .associatePublicIpAddress(true)
                    .blockDevices(List.of(BlockDevice.builder().deviceName("/dev/xvda")
                            .volume(BlockDeviceVolume.ebs(60, EbsDeviceOptions.builder().encrypted(true).build()))
                            .build()))
                    .build();
            AutoScalingGroup instances = AutoScalingGroup.Builder.create(this, "GpuInstances")
                    .vpc(cluster.getVpc())
                    .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PUBLIC).build())
                    .launchTemplate(template)
                    .minCapacity(0)
                    .maxCapacity(maxWorkers)
                    .build();
            Nag.accept(instances, "AwsSolutions-AS3", "The group is sized by the ECS capacity provider from the "
                    + "tasks' needs; the queue alarms report what matters (backlog, dead letters)");
            gpuCapacity = AsgCapacityProvider.Builder.create(this, "GpuCapacity")
                    .autoScalingGroup(instances)
                    .enableManagedScaling(true)
                    .enableManagedTerminationProtection(false)
                    // ECS moves tasks off an instance before it goes: no drain hook function is needed.
                    .enableManagedDraining(true)
                    .targetCapacityPercent(100)
                    .build();
            cluster.addAsgCapacityProvider(gpuCapacity);
            Nag.acceptWildcards(instanceRole, "The ECS agent's own calls (register, poll, submit state, ECR "
                    + "login) are granted by CDK on every resource, as most of them have no resource-level permissions",
                    "Resource::*", "Action::ecs:Submit*");
        }
        return gpuCapacity;
    }
}
