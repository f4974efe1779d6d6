package io.genreflow.infra.aws;

import io.genreflow.handlers.SplitterSettings;
import io.genreflow.pipeline.SplitLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that decides each deployed function's environment: every setting the function
 * reads, the deployment's value where it has one (bucket, queue prefix, models, representation),
 * else the function's own default, so the environment documents the whole configuration.
 *
 * <p>The setting lists mirror the functions' {@code *Config} mappings (and their
 * application.properties); they are what the per-function settings definitions will replace.
 */
public final class FunctionEnvironment {

    /** Where the models layer puts the manifest: Lambda unpacks layers under /opt. */
    public static final String LAYER_MANIFEST = "/opt/models/manifest.json";

    private static final FunctionSetting BUCKET = FunctionSetting.required("genreflow.bucket",
            "the bucket of uploads and track state");
    private static final FunctionSetting QUEUES_PREFIX = FunctionSetting.optional("genreflow.queues.prefix", "",
            "put before every queue name; must match the deployed queues");
    private static final FunctionSetting MODELS_MANIFEST = FunctionSetting.optional("genreflow.models.manifest",
            "models/manifest.json", "the model manifest; the model files lie beside it");

    /** What the splitter reads (SplitterConfig). */
    public static final List<FunctionSetting> SPLITTER = List.of(BUCKET, QUEUES_PREFIX, MODELS_MANIFEST,
            FunctionSetting.optional("genreflow.splitter.max-bytes", SplitLimits.DEFAULT_MAX_BYTES,
                    "the largest upload accepted, in bytes"),
            FunctionSetting.optional("genreflow.splitter.max-duration-seconds", SplitLimits.DEFAULT_MAX_DURATION_SECONDS,
                    "the longest decoded audio accepted, in seconds"),
            FunctionSetting.optional("genreflow.splitter.snippets-per-batch", SplitterSettings.DEFAULT_SNIPPETS_PER_BATCH,
                    "the most snippets in one batch message"));

    /** What a classifier reads (ClassifierConfig). */
    public static final List<FunctionSetting> CLASSIFIER = List.of(BUCKET, QUEUES_PREFIX, MODELS_MANIFEST,
            FunctionSetting.required("genreflow.classifier.representation",
                    "the one representation this deployment classifies"),
            FunctionSetting.optional("genreflow.classifier.model-batch-size", 32,
                    "the most snippets handed to the model at once"),
            FunctionSetting.optional("genreflow.classifier.onnx.intra-op-threads", 1,
                    "threads inside one ONNX operator"),
            FunctionSetting.optional("genreflow.classifier.onnx.provider", "cpu", "cpu, or cuda for the GPU variant"),
            FunctionSetting.optional("genreflow.classifier.onnx.cuda-device-id", 0, "the GPU the CUDA provider uses"));

    /** What the aggregator reads (AggregatorConfig). */
    public static final List<FunctionSetting> AGGREGATOR = List.of(BUCKET, QUEUES_PREFIX, MODELS_MANIFEST,
            FunctionSetting.optional("genreflow.aggregator.top-k", 3, "how many labels a verdict ranks"));

    /** What the dashboard reads, as far as the deployment knows it: the bucket, queues and models. */
    public static final List<FunctionSetting> DASHBOARD = List.of(BUCKET, QUEUES_PREFIX, MODELS_MANIFEST);

    private FunctionEnvironment() {
    }

    /**
     * The environment of a function that reads {@code settings}.
     *
     * @param deployed the deployment's values by setting name; settings absent here take their defaults
     * @throws IllegalArgumentException when a required setting has no value, or a value names no setting
     */
    public static Map<String, String> of(List<FunctionSetting> settings, Map<String, String> deployed) {
        Map<String, String> environment = new TreeMap<>();
        Map<String, String> unused = new LinkedHashMap<>(deployed);
        for (FunctionSetting setting : settings) {
            String value = unused.containsKey(setting.name()) ? unused.remove(setting.name()) : setting.defaultValue();
            if (value == null) {
                throw new IllegalArgumentException("required setting " + setting.name() + " ("
                        + setting.environmentVariable() + ") has no value in this deployment");
            }
            environment.put(setting.environmentVariable(), value);
        }
        if (!unused.isEmpty()) {
            throw new IllegalArgumentException("the function reads no setting named " + unused.keySet());
        }
        return environment;
    }

    /** The values every function of this deployment shares. */
    public static Map<String, String> shared(String bucketName, String queuePrefix) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(BUCKET.name(), bucketName);
        values.put(QUEUES_PREFIX.name(), queuePrefix);
        values.put(MODELS_MANIFEST.name(), LAYER_MANIFEST);
        return values;
    }
}
