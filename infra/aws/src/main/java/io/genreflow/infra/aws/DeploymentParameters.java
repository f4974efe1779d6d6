package io.genreflow.infra.aws;

import io.genreflow.contracts.Representation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Everything a deployment can choose, read from the CDK context (see infra/aws/README.md for the
 * keys and their defaults).
 *
 * @param bucketName            the bucket's name; null lets CloudFormation name it
 * @param queuePrefix           put before every queue name, as the functions' GENREFLOW_QUEUES_PREFIX
 * @param representations       the representations deployed: a queue and a classifier each; they must
 *                              be the representations of the models' manifest, as the splitter sends
 *                              batches for every one of those
 * @param classifierRuntimes    where each deployed representation's classifier runs
 * @param splitterNative        whether the splitter's package is the native executable (provided.al2023)
 * @param dashboard             whether the dashboard and its HTTP API are deployed
 * @param dashboardOrigins      browser origins allowed to upload to the bucket besides the HTTP API's own
 * @param workingDataDays       days after which PCM and partial results expire
 * @param splitter              the splitter's sizing
 * @param classifier            each classifier Lambda's sizing
 * @param aggregator            the aggregator's sizing
 * @param dashboardMemoryMb     the dashboard Lambda's memory
 * @param gpuInstanceType       the EC2 type of the GPU capacity (g4dn, g5 or g6 family)
 * @param maxWorkers            the most queue worker tasks per containerised representation
 * @param oldestMessageAlarmSeconds age of a work queue's oldest message that raises its alarm
 * @param authDomainPrefix      the Cognito hosted-UI domain prefix (unique within the region)
 * @param alarmTopicArn         an SNS topic every alarm notifies; null for alarms without actions
 */
public record DeploymentParameters(String bucketName, String queuePrefix, List<Representation> representations,
                                   Map<Representation, ClassifierRuntime> classifierRuntimes, boolean splitterNative,
                                   boolean dashboard, List<String> dashboardOrigins, int workingDataDays,
                                   FunctionSizing splitter, FunctionSizing classifier, FunctionSizing aggregator,
                                   int dashboardMemoryMb, String gpuInstanceType, int maxWorkers,
                                   int oldestMessageAlarmSeconds, String authDomainPrefix, String alarmTopicArn) {

    public DeploymentParameters {
        representations = List.copyOf(representations);
        classifierRuntimes = Map.copyOf(classifierRuntimes);
        dashboardOrigins = List.copyOf(dashboardOrigins);
        if (representations.isEmpty()) {
            throw new IllegalArgumentException("context representations names no representation");
        }
        if (workingDataDays < 1) {
            throw new IllegalArgumentException("context workingDataDays must be at least 1, got " + workingDataDays);
        }
        if (!gpuInstanceType.matches("g(4dn|5|6|6e)\\.[0-9a-z]+")) {
            throw new IllegalArgumentException("context gpuInstanceType " + gpuInstanceType
                    + " is not a g4dn, g5 or g6 instance type");
        }
    }

    /** The parameters in the context, each defaulted when absent. */
    public static DeploymentParameters fromContext(Function<String, Object> context) {
        ContextValues values = new ContextValues(context);
        List<Representation> representations = values.list("representations", "logmel,spectrogram,chroma,waveform")
                .stream().map(DeploymentParameters::representation).toList();
        String defaultRuntime = values.string("classifierRuntime", "lambda");
        Map<Representation, ClassifierRuntime> runtimes = new LinkedHashMap<>();
        for (Representation representation : representations) {
            runtimes.put(representation, ClassifierRuntime.parse(
                    values.string("classifierRuntime." + representation.id(), defaultRuntime)));
        }
        return new DeploymentParameters(values.string("bucketName", null), values.string("queuePrefix", "genreflow-"),
                representations, runtimes, values.flag("splitterNative", false), values.flag("dashboard", true),
                values.list("dashboardOrigins", ""), values.integer("workingDataDays", 7),
                sizing(values, "splitter", new FunctionSizing(2048, 120, 1, 10)),
                sizing(values, "classifier", new FunctionSizing(2048, 60, 2, 20)),
                sizing(values, "aggregator", new FunctionSizing(1024, 60, 10, 5)),
                values.integer("memory.dashboard", 1024), values.string("gpuInstanceType", "g4dn.xlarge"),
                values.integer("maxWorkers", 4), values.integer("oldestMessageAlarmSeconds", 900),
                values.string("authDomainPrefix", "genreflow-dashboard"), values.string("alarmTopicArn", null));
    }

    /** Where the classifier of {@code representation} runs. */
    public ClassifierRuntime runtime(Representation representation) {
        return classifierRuntimes.get(representation);
    }

    /** Whether any representation runs in the queue worker container. */
    public boolean anyContainer() {
        return classifierRuntimes.values().stream().anyMatch(ClassifierRuntime::isContainer);
    }

    private static FunctionSizing sizing(ContextValues values, String function, FunctionSizing defaults) {
        return new FunctionSizing(values.integer("memory." + function, defaults.memoryMb()),
                values.integer("timeout." + function, defaults.timeoutSeconds()),
                values.integer("batchSize." + function, defaults.batchSize()),
                values.integer("maxConcurrency." + function, defaults.maxConcurrency()));
    }

    private static Representation representation(String id) {
        try {
            return Representation.fromId(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("context representations: " + e.getMessage(), e);
        }
    }
}
