package io.genreflow.worker;

import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.messaging.polling.PollerSettings;
import io.genreflow.settings.Setting;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The settings of the classifier's container worker: every setting of the classifier function
 * (it runs the same composition root), and how it polls, which only a worker has.
 */
public final class WorkerSettings {

    /** Pollers sharing the model. */
    public static final Setting POLLERS = Setting.optional("genreflow.worker.pollers", "cores",
            "how many queue pollers share the model; cores means one per available processor, as the features"
                    + " are computed on the CPU even when inference runs on the GPU");
    /** Deliveries before SQS dead-letters a batch; what the failure log lines count against. */
    public static final Setting MAX_RECEIVE_COUNT = Setting.optional("genreflow.worker.max-receive-count", 3,
            "the snippets queue's maxReceiveCount, which the worker's failure log lines count against");

    /** Every setting of the worker: the classifier's, then its own. */
    public static final List<Setting> DEFINITIONS = Stream.concat(ClassifierSettings.DEFINITIONS.stream(),
            Stream.of(POLLERS, MAX_RECEIVE_COUNT)).toList();

    /** SQS's largest receive batch. */
    static final int BATCH_SIZE = 10;
    /** SQS's longest long poll. */
    static final Duration WAIT_TIME = Duration.ofSeconds(20);

    private WorkerSettings() {
    }

    /**
     * How the worker polls, from what {@code source} gives by property name.
     *
     * @throws IllegalArgumentException naming a setting that is not a whole number, or under 1
     */
    public static PollerSettings polling(Function<String, Optional<String>> source) {
        int pollers = POLLERS.parse(source, WorkerSettings::pollers, "a whole number of at least 1, or cores");
        return new PollerSettings(pollers, BATCH_SIZE, WAIT_TIME, MAX_RECEIVE_COUNT.intValue(source));
    }

    private static int pollers(String value) {
        int pollers = value.equals("cores") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(value);
        if (pollers < 1) {
            throw new IllegalArgumentException("at least one poller is needed, got " + pollers);
        }
        return pollers;
    }
}
