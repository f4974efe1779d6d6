package io.genreflow.function.aggregator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The aggregator function's settings, {@code genreflow.*} in Quarkus config (on Lambda usually
 * environment variables: {@code GENREFLOW_BUCKET}, {@code GENREFLOW_QUEUES_PREFIX}, ...).
 */
@ConfigMapping(prefix = "genreflow")
public interface AggregatorConfig {

    /** The bucket of track state. */
    String bucket();

    /** The queues. */
    Queues queues();

    /** The models. */
    Models models();

    /** How verdicts are made. */
    Aggregator aggregator();

    /** Queue naming. */
    interface Queues {

        /** Put before every queue name, e.g. {@code genreflow-}; none by default. */
        Optional<String> prefix();
    }

    /** Where the models are. */
    interface Models {

        /** The model manifest, relative to the working folder ({@code /var/task} on Lambda); the model files need not be beside it. */
        @WithDefault("models/manifest.json")
        Path manifest();
    }

    /** The verdict. */
    interface Aggregator {

        /** How many labels a verdict ranks. */
        @WithDefault("3")
        int topK();
    }
}
