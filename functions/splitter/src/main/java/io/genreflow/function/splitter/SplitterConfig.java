package io.genreflow.function.splitter;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The splitter function's settings, {@code genreflow.*} in Quarkus config (on Lambda usually
 * environment variables: {@code GENREFLOW_BUCKET}, {@code GENREFLOW_QUEUES_PREFIX}, ...).
 */
@ConfigMapping(prefix = "genreflow")
public interface SplitterConfig {

    /** The bucket of uploads and track state. */
    String bucket();

    /** The queues. */
    Queues queues();

    /** The models. */
    Models models();

    /** How much the splitter accepts and how it batches. */
    Splitter splitter();

    /** Queue naming. */
    interface Queues {

        /** Put before every queue name, e.g. {@code genreflow-}; none by default. */
        Optional<String> prefix();
    }

    /** Where the models are. */
    interface Models {

        /** The model manifest, relative to the working folder ({@code /var/task} on Lambda). */
        @WithDefault("models/manifest.json")
        Path manifest();
    }

    /** The splitter's limits and batching; each defaults to the handler's own default. */
    interface Splitter {

        /** The largest upload accepted, in bytes. */
        Optional<Long> maxBytes();

        /** The longest decoded audio accepted, in seconds. */
        Optional<Double> maxDurationSeconds();

        /** The most snippets in one batch message. */
        Optional<Integer> snippetsPerBatch();
    }
}
