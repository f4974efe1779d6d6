package io.genreflow.infra.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.ILayerVersion;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * One Quarkus function on Lambda: its own role (no managed policies: logs go to its own log group,
 * and the caller grants the rest), its package, the models layer and its environment, published
 * as the {@code live} alias that the triggers invoke. A JVM package runs on java21 with SnapStart,
 * so the init phase (model loading included) is snapshotted; a native one on provided.al2023.
 */
public final class PipelineFunction extends Construct {

    /** The handler every Quarkus JVM package exposes (Funqy and lambda-http alike). */
    public static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    /** The custom runtime ignores the handler name; Quarkus's native bootstrap serves whatever it is. */
    public static final String NATIVE_HANDLER = "native.executable";
    /** The alias triggers and the HTTP API invoke. */
    public static final String ALIAS = "live";

    /** How the package runs. */
    public enum Packaging {
        /** A JVM package: java21 with SnapStart on published versions. */
        JVM,
        /** A Quarkus native executable: provided.al2023 (no SnapStart there, nor need of it). */
        NATIVE
    }

    private final Role role;
    private final Function function;
    private final Alias alias;

    /**
     * @param packageZip  the function's zip
     * @param environment its environment variables
     */
    public PipelineFunction(Construct scope, String id, String functionName, String description, String packageZip,
                            Packaging packaging, int memoryMb, int timeoutSeconds, ILayerVersion models,
                            Map<String, String> environment) {
        super(scope, id);
        LogGroup logs = LogGroup.Builder.create(this, "Logs")
                .logGroupName("/aws/lambda/" + functionName)
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        this.role = Role.Builder.create(this, "Role")
                .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
                .description("Runs " + functionName + "; grants are added per prefix and queue")
                .build();
        logs.grantWrite(role);
        boolean jvm = packaging == Packaging.JVM;
        this.function = Function.Builder.create(this, "Function")
                .functionName(functionName)
                .description(description)
                .code(Code.fromAsset(packageZip))
                .runtime(jvm ? Runtime.JAVA_21 : Runtime.PROVIDED_AL2023)
                .handler(jvm ? QUARKUS_HANDLER : NATIVE_HANDLER)
                .architecture(Architecture.X86_64)
                .memorySize(memoryMb)
                .timeout(Duration.seconds(timeoutSeconds))
                .role(role)
                .logGroup(logs)
                .layers(List.of(models))
                .environment(environment)
                .snapStart(jvm ? SnapStartConf.ON_PUBLISHED_VERSIONS : null)
                .build();
        this.alias = Alias.Builder.create(this, "Alias")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        if (jvm) {
            // The live alias publishes a version, which is what SnapStart snapshots.
            Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                    "published through the live alias");
        }
        Nag.accept(function, "AwsSolutions-L1", "The functions are built for and tested on Java 21, the runtime "
                + "this deployment names; moving to a newer Java runtime is a deliberate upgrade, not a default");
        Nag.acceptBucketPrefixes(role);
    }

    /** The function's role, to grant on. */
    public Role role() {
        return role;
    }

    /** The function. */
    public Function function() {
        return function;
    }

    /** The published alias that triggers invoke. */
    public Alias alias() {
        return alias;
    }

    /**
     * Feeds the function from {@code queue} with partial batch failure reporting: only the
     * records the function reports as failed return to the queue.
     */
    public void consume(IQueue queue, int batchSize, int maxConcurrency) {
        alias.addEventSource(SqsEventSource.Builder.create(queue)
                .batchSize(batchSize)
                .maxConcurrency(maxConcurrency)
                .reportBatchItemFailures(true)
                .build());
    }
}
