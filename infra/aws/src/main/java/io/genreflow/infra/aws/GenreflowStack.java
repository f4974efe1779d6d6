package io.genreflow.infra.aws;

import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.contracts.QueueNames;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.S3Keys;
import io.genreflow.dashboard.auth.SignInSettings;
import io.genreflow.worker.WorkerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.ecs.TaskDefinition;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.LayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

/**
 * genreflow on AWS: the bucket and its upload notification, the queues with their dead-letter
 * queues and alarms, the splitter, one classifier per representation (Lambda, Fargate or GPU), the
 * aggregator, and the dashboard behind an authenticated HTTP API, each with least-privilege access.
 */
public final class GenreflowStack extends Stack {

    private final PipelineBucket bucket;
    private final Map<String, WorkQueue> queues = new LinkedHashMap<>();
    private final Map<String, PipelineFunction> functions = new LinkedHashMap<>();
    private final Map<Representation, TaskDefinition> workers = new LinkedHashMap<>();
    private DashboardApi dashboardApi;

    public GenreflowStack(Construct scope, String id, StackProps props, DeploymentParameters parameters,
                          DeploymentAssets assets) {
        super(scope, id, props);
        QueueNames names = new QueueNames(parameters.queuePrefix());
        int deadLetterVisibility = parameters.aggregator().visibilityTimeoutSeconds();

        this.bucket = new PipelineBucket(this, "Storage", parameters.bucketName(), parameters.workingDataDays());
        Bucket store = bucket.bucket();
        BucketAccess access = new BucketAccess(store);

        WorkQueue uploads = queue("Uploads", names.uploads(), parameters.splitter().visibilityTimeoutSeconds(),
                deadLetterVisibility, parameters);
        for (Representation representation : parameters.representations()) {
            queue("Snippets-" + representation.id(), names.snippets(representation),
                    parameters.classifier().visibilityTimeoutSeconds(), deadLetterVisibility, parameters);
        }
        WorkQueue results = queue("Results", names.results(), parameters.aggregator().visibilityTimeoutSeconds(),
                deadLetterVisibility, parameters);
        bucket.announceUploads(uploads.queue());
        acceptNotificationHandler();

        LayerVersion models = LayerVersion.Builder.create(this, "Models")
                .code(Code.fromAsset(DeploymentAssets.require(assets.models(), "./mvnw -pl infra/aws generate-resources")))
                .compatibleRuntimes(List.of(Runtime.JAVA_21, Runtime.PROVIDED_AL2023))
                .description("genreflow models: manifest.json and one ONNX file per representation, under /opt/models")
                .build();
        Map<String, String> shared = FunctionEnvironment.shared(store.getBucketName(), parameters.queuePrefix());

        PipelineFunction splitter = new PipelineFunction(this, "Splitter", parameters.queuePrefix() + "splitter",
                "Decodes uploads into PCM and fans snippet batches out",
                DeploymentAssets.require(assets.splitter(), parameters.splitterNative()
                        ? "./mvnw -pl functions/splitter -am package -Pnative -Dquarkus.native.container-build=true"
                        : "./mvnw -pl functions/splitter -am package"),
                parameters.splitterNative() ? PipelineFunction.Packaging.NATIVE : PipelineFunction.Packaging.JVM,
                parameters.splitter().memoryMb(), parameters.splitter().timeoutSeconds(), models,
                FunctionEnvironment.of(FunctionEnvironment.SPLITTER, shared));
        splitter.consume(uploads.queue(), parameters.splitter().batchSize(), parameters.splitter().maxConcurrency());
        // index/*: every track record write keeps the dashboard's track index current (TrackStore).
        access.read(splitter.role(), S3Keys.UPLOADS_PREFIX + "*", S3Keys.TRACKS_PREFIX + "*", S3Keys.INDEX_PREFIX + "*");
        access.write(splitter.role(), S3Keys.TRACKS_PREFIX + "*", S3Keys.ANY_PCM);
        access.put(splitter.role(), S3Keys.INDEX_PREFIX + "*");
        access.list(splitter.role());
        functions.put("splitter", splitter);

        String classifierZip = DeploymentAssets.require(assets.classifier(), "./mvnw -pl functions/classifier -am package");
        QueueWorkers containers = parameters.anyContainer() ? new QueueWorkers(this, "Workers",
                DeploymentAssets.require(assets.worker(), "./mvnw -pl functions/classifier-worker -am package"),
                parameters.gpuInstanceType(), parameters.maxWorkers()) : null;
        for (Representation representation : parameters.representations()) {
            WorkQueue snippets = queues.get(names.snippets(representation));
            snippets.queue().grantSendMessages(splitter.role());
            ClassifierRuntime runtime = parameters.runtime(representation);
            Map<String, String> values = new LinkedHashMap<>(shared);
            values.put(ClassifierSettings.REPRESENTATION.name(), representation.id());
            values.put(ClassifierSettings.PROVIDER.name(), runtime == ClassifierRuntime.GPU ? "cuda" : "cpu");
            IGrantable classifier;
            if (runtime.isContainer()) {
                values.put(WorkerSettings.MAX_RECEIVE_COUNT.name(), String.valueOf(WorkQueue.MAX_RECEIVE_COUNT));
                TaskDefinition task = containers.add(representation, runtime, snippets.queue(),
                        FunctionEnvironment.of(FunctionEnvironment.WORKER, values));
                snippets.queue().grantConsumeMessages(task.getTaskRole());
                workers.put(representation, task);
                classifier = task.getTaskRole();
            } else {
                Map<String, String> lambdaEnvironment = new LinkedHashMap<>(
                        FunctionEnvironment.of(FunctionEnvironment.CLASSIFIER, values));
                // ONNX Runtime loads native code; harmless on java21, required from JDK 24 on.
                lambdaEnvironment.put("JAVA_TOOL_OPTIONS", "--enable-native-access=ALL-UNNAMED");
                PipelineFunction function = new PipelineFunction(this, "Classifier-" + representation.id(),
                        parameters.queuePrefix() + "classifier-" + representation.id(),
                        "Scores " + representation.id() + " snippet batches", classifierZip,
                        PipelineFunction.Packaging.JVM, parameters.classifier().memoryMb(),
                        parameters.classifier().timeoutSeconds(), models, lambdaEnvironment);
                function.consume(snippets.queue(), parameters.classifier().batchSize(),
                        parameters.classifier().maxConcurrency());
                functions.put("classifier-" + representation.id(), function);
                classifier = function.role();
            }
            // The classifier reads PCM and sends partial results, nothing more.
            access.read(classifier, S3Keys.ANY_PCM);
            results.queue().grantSendMessages(classifier);
            if (runtime.isContainer()) {
                Nag.acceptBucketPrefixes(workers.get(representation).getTaskRole());
            }
        }

        PipelineFunction aggregator = new PipelineFunction(this, "Aggregator", parameters.queuePrefix() + "aggregator",
                "Stores partial results and dead letters, makes verdicts",
                DeploymentAssets.require(assets.aggregator(), "./mvnw -pl functions/aggregator -am package"),
                PipelineFunction.Packaging.JVM, parameters.aggregator().memoryMb(),
                parameters.aggregator().timeoutSeconds(), models,
                FunctionEnvironment.of(FunctionEnvironment.AGGREGATOR, shared));
        // The aggregator accounts for what died on the way: every dead-letter queue feeds it too.
        aggregator.consume(results.queue(), parameters.aggregator().batchSize(), parameters.aggregator().maxConcurrency());
        for (WorkQueue queue : queues.values()) {
            aggregator.consume(queue.deadLetters(), parameters.aggregator().batchSize(),
                    parameters.aggregator().maxConcurrency());
        }
        access.read(aggregator.role(), S3Keys.TRACKS_PREFIX + "*", S3Keys.ANY_RESULTS, S3Keys.VERDICTS_PREFIX + "*",
                S3Keys.INDEX_PREFIX + "*");
        access.write(aggregator.role(), S3Keys.TRACKS_PREFIX + "*", S3Keys.ANY_RESULTS, S3Keys.VERDICTS_PREFIX + "*");
        access.put(aggregator.role(), S3Keys.INDEX_PREFIX + "*");
        access.list(aggregator.role());
        functions.put("aggregator", aggregator);

        List<String> origins = new ArrayList<>(parameters.dashboardOrigins());
        if (parameters.dashboard()) {
            dashboardApi = new DashboardApi(this, "DashboardApi", parameters.queuePrefix() + "dashboard",
                    parameters.authDomainPrefix());
            // The dashboard signs users in with the pool itself (docs/dashboard.md, "Authentication").
            Map<String, String> dashboardValues = new LinkedHashMap<>(shared);
            dashboardValues.put(SignInSettings.ENABLED.name(), "true");
            dashboardValues.put(SignInSettings.ISSUER.name(), dashboardApi.issuer());
            dashboardValues.put(SignInSettings.CLIENT_ID.name(), dashboardApi.client().getUserPoolClientId());
            dashboardValues.put(SignInSettings.SIGN_IN_URL.name(), dashboardApi.domain().baseUrl());
            PipelineFunction dashboard = new PipelineFunction(this, "Dashboard", parameters.queuePrefix() + "dashboard",
                    "The genreflow dashboard",
                    DeploymentAssets.require(assets.dashboard(), "./mvnw -pl dashboard/lambda -am package"),
                    PipelineFunction.Packaging.JVM, parameters.dashboardMemoryMb(), 30, models,
                    FunctionEnvironment.of(FunctionEnvironment.DASHBOARD, dashboardValues));
            // Reads: uploads (tags, the size check before reprocessing, the player's presigned GET),
            // track state, the PCM it draws spectrograms from, the verdict copy it deletes only when
            // it describes the track, the index.
            access.read(dashboard.role(), S3Keys.UPLOADS_PREFIX + "*", S3Keys.TRACKS_PREFIX + "*",
                    S3Keys.VERDICTS_PREFIX + "*", S3Keys.ANY_PCM, S3Keys.INDEX_PREFIX + "*");
            // Writes: the browsers' presigned single PUTs (signed with this role, so it holds what
            // they do), the two objects the dashboard derives per track, and the index.
            access.put(dashboard.role(), S3Keys.UPLOADS_PREFIX + "*", S3Keys.TRACKS_PREFIX + "*/tags.json",
                    S3Keys.TRACKS_PREFIX + "*/spectrogram.png", S3Keys.INDEX_PREFIX + "*");
            // Delete: every object of a track (its upload, its state, its verdict copy, its working data).
            access.delete(dashboard.role(), S3Keys.UPLOADS_PREFIX + "*", S3Keys.TRACKS_PREFIX + "*",
                    S3Keys.VERDICTS_PREFIX + "*", S3Keys.WORK_PREFIX + "*");
            access.list(dashboard.role());
            // Reprocessing announces the upload again, as S3 did.
            uploads.queue().grantSendMessages(dashboard.role());
            functions.put("dashboard", dashboard);
            dashboardApi.routeTo(dashboard);
            origins.add(0, dashboardApi.origin());
            CfnOutput.Builder.create(this, "DashboardUrl").value(dashboardApi.origin() + "/").build();
            CfnOutput.Builder.create(this, "UserPoolId").value(dashboardApi.users().getUserPoolId()).build();
            CfnOutput.Builder.create(this, "SignInDomain").value(dashboardApi.domain().baseUrl()).build();
        }
        if (!origins.isEmpty()) {
            bucket.allowBrowserUploads(origins);
        }
        CfnOutput.Builder.create(this, "BucketName").value(store.getBucketName()).build();
        CfnOutput.Builder.create(this, "UploadsQueueUrl").value(uploads.queue().getQueueUrl()).build();
    }

    /**
     * The bucket notification is configured by CDK's own singleton function (S3 notifications have
     * no CloudFormation resource of their own): its role and policy are CDK's.
     */
    private void acceptNotificationHandler() {
        getNode().getChildren().stream().filter(child -> child.getNode().getId().startsWith("BucketNotificationsHandler"))
                .forEach(handler -> {
                    Nag.accept(handler, "AwsSolutions-IAM4", "CDK's bucket-notification handler logs with "
                            + "AWSLambdaBasicExecutionRole; it runs only while the stack is deployed or updated");
                    Nag.accept(handler, "AwsSolutions-IAM5", "CDK's bucket-notification handler is granted "
                            + "s3:PutBucketNotification by CDK itself; it runs only during deployments");
                });
    }

    private WorkQueue queue(String id, String name, int visibility, int deadLetterVisibility,
                            DeploymentParameters parameters) {
        List<IAlarmAction> actions = parameters.alarmTopicArn() == null ? List.of()
                : List.of(new SnsAction(Topic.fromTopicArn(this, "AlarmTopic-" + id, parameters.alarmTopicArn())));
        WorkQueue queue = new WorkQueue(this, id, name, visibility, deadLetterVisibility,
                parameters.oldestMessageAlarmSeconds(), actions);
        queues.put(name, queue);
        return queue;
    }

    /** The bucket. */
    public PipelineBucket bucket() {
        return bucket;
    }

    /** The queues by name (dead-letter queues inside each). */
    public Map<String, WorkQueue> queues() {
        return Map.copyOf(queues);
    }

    /** The Lambda functions by role: splitter, classifier-&lt;representation&gt;, aggregator, dashboard. */
    public Map<String, PipelineFunction> functions() {
        return Map.copyOf(functions);
    }

    /** The dashboard's API and user pool, when the dashboard is deployed. */
    public Optional<DashboardApi> dashboardApi() {
        return Optional.ofNullable(dashboardApi);
    }

    /** The queue worker task definitions of the containerised representations. */
    public Map<Representation, TaskDefinition> workers() {
        return Map.copyOf(workers);
    }
}
