package io.genreflow.infra.aws;

import io.genreflow.aggregator.AggregatorSettings;
import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.dashboard.DashboardSettings;
import io.genreflow.settings.Setting;
import io.genreflow.settings.SharedSettings;
import io.genreflow.splitter.SplitterSettings;
import io.genreflow.worker.WorkerSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one place that decides each deployed function's environment: every setting of the function's
 * own settings definition, the deployment's value where it has one (bucket, queue prefix, models,
 * representation), else the function's default, so the environment documents the whole
 * configuration and cannot name a setting the function does not have.
 */
public final class FunctionEnvironment {

    /** Where the models layer puts the manifest: Lambda unpacks layers under /opt. */
    public static final String LAYER_MANIFEST = "/opt/models/manifest.json";

    /** What the splitter reads. */
    public static final List<Setting> SPLITTER = SplitterSettings.DEFINITIONS;
    /** What a classifier Lambda reads. */
    public static final List<Setting> CLASSIFIER = ClassifierSettings.DEFINITIONS;
    /** What a classifier queue worker container reads: the classifier's settings and its own. */
    public static final List<Setting> WORKER = WorkerSettings.DEFINITIONS;
    /** What the aggregator reads. */
    public static final List<Setting> AGGREGATOR = AggregatorSettings.DEFINITIONS;
    /** What the dashboard reads: its own settings and the shared bucket, queue prefix and models. */
    public static final List<Setting> DASHBOARD = DashboardSettings.DEFINITIONS;

    private FunctionEnvironment() {
    }

    /**
     * The environment of a function that reads {@code settings}.
     *
     * @param deployed the deployment's values by setting name; settings absent here take their defaults
     * @throws IllegalArgumentException when a required setting has no value, or a value names no setting
     */
    public static Map<String, String> of(List<Setting> settings, Map<String, String> deployed) {
        Map<String, String> environment = new TreeMap<>();
        Map<String, String> unused = new LinkedHashMap<>(deployed);
        for (Setting setting : settings) {
            String value = unused.containsKey(setting.name()) ? unused.remove(setting.name()) : setting.defaultValue();
            if (value == null) {
                throw new IllegalArgumentException("required setting " + setting + " has no value in this deployment");
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
        values.put(SharedSettings.BUCKET.name(), bucketName);
        values.put(SharedSettings.QUEUE_PREFIX.name(), queuePrefix);
        values.put(SharedSettings.MODELS_MANIFEST.name(), LAYER_MANIFEST);
        return values;
    }
}
