package io.genreflow.settings;

import io.genreflow.contracts.QueueNames;
import io.genreflow.manifest.ModelManifest;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** The settings every function has, defined once: where state lives, how queues are named, where the models are. */
public final class SharedSettings {

    /** The bucket of uploads and track state. */
    public static final Setting BUCKET = Setting.required("genreflow.bucket",
            "the bucket of uploads and track state");

    /** The queue name prefix. */
    public static final Setting QUEUE_PREFIX = Setting.optional("genreflow.queues.prefix", "",
            "put before every queue name, e.g. genreflow-, so several deployments can share an account");

    /** The model manifest. */
    public static final Setting MODELS_MANIFEST = Setting.optional("genreflow.models.manifest",
            ModelManifest.DEFAULT_PATH, "the model manifest, relative to the working folder (/var/task on Lambda);"
                    + " the classifier needs its representation's model file beside it");

    private SharedSettings() {
    }

    /** Rejects a missing bucket, queue names or manifest: what every function's settings hold. */
    public static void requirePresent(String bucket, QueueNames queues, Path manifest) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(queues, "queues");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** The queue names {@link #QUEUE_PREFIX} makes. */
    public static QueueNames queues(Function<String, Optional<String>> source) {
        return QUEUE_PREFIX.parse(source, QueueNames::new, "a valid queue prefix");
    }
}
