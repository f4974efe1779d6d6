package io.genreflow.dashboard;

import io.genreflow.contracts.QueueNames;
import io.genreflow.dashboard.auth.SignInSettings;
import io.genreflow.dashboard.tracks.TrackQuery;
import io.genreflow.settings.Setting;
import io.genreflow.settings.SharedSettings;
import io.genreflow.split.SplitLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * How the dashboard runs, on Lambda and in the local stack alike.
 *
 * @param bucket              the pipeline's bucket
 * @param queues              the pipeline's queue names (reprocessing announces uploads on its uploads queue)
 * @param manifest            the model manifest the Models page describes
 * @param modelsEvaluation    the evaluation the Models page shows, relative to the manifest's folder
 * @param maxUploadBytes      the largest file the upload page signs a request for
 * @param playbackUrlLifetime how long the audio player's signed URL stays valid
 * @param pageSize            tracks per page unless a request asks for another size
 * @param uncertainBelow      the confidence under which a verdict is marked uncertain
 * @param signIn              whether and where the dashboard itself asks for a Cognito sign-in
 */
public record DashboardSettings(String bucket, QueueNames queues, Path manifest, String modelsEvaluation,
                                long maxUploadBytes, Duration playbackUrlLifetime, int pageSize,
                                double uncertainBelow, SignInSettings signIn) {

    /** The model evaluation beside the manifest. */
    public static final Setting MODELS_EVALUATION = Setting.optional("genreflow.dashboard.models-evaluation",
            "evaluation-test/evaluation.json", "the model evaluation the Models page shows, relative to the manifest's folder");
    /** The upload page's size limit. */
    public static final Setting MAX_UPLOAD_BYTES = Setting.optional("genreflow.dashboard.max-upload-bytes",
            SplitLimits.DEFAULT_MAX_BYTES, "the largest file the upload page signs a request for, in bytes;"
                    + " keep it at or below genreflow.splitter.max-bytes");
    /** The player's signed URL lifetime. */
    public static final Setting PLAYBACK_URL_SECONDS = Setting.optional("genreflow.dashboard.playback-url-seconds",
            900, "how long the signed URL the audio player streams from stays valid, in seconds");
    /** The tracks table's page size. */
    public static final Setting PAGE_SIZE = Setting.optional("genreflow.dashboard.page-size", 50,
            "tracks per page unless the request asks for another size (at most " + TrackQuery.MAX_SIZE + ")");
    /** The uncertainty threshold. */
    public static final Setting UNCERTAIN_BELOW = Setting.optional("genreflow.dashboard.uncertain-below", 0.5,
            "the confidence under which a verdict is marked uncertain (so is one whose runner-up is within 0.1 of it)");

    /** Every setting of the dashboard. */
    public static final List<Setting> DEFINITIONS = Stream.concat(Stream.of(SharedSettings.BUCKET,
            SharedSettings.QUEUE_PREFIX, SharedSettings.MODELS_MANIFEST, MODELS_EVALUATION, MAX_UPLOAD_BYTES,
            PLAYBACK_URL_SECONDS, PAGE_SIZE, UNCERTAIN_BELOW), SignInSettings.DEFINITIONS.stream()).toList();

    public DashboardSettings {
        SharedSettings.requirePresent(bucket, queues, manifest);
        Objects.requireNonNull(modelsEvaluation, "modelsEvaluation");
        Objects.requireNonNull(playbackUrlLifetime, "playbackUrlLifetime");
        Objects.requireNonNull(signIn, "signIn");
        if (maxUploadBytes < 1) {
            throw new IllegalArgumentException(MAX_UPLOAD_BYTES + " must be at least 1, got " + maxUploadBytes);
        }
        if (playbackUrlLifetime.isNegative() || playbackUrlLifetime.isZero()) {
            throw new IllegalArgumentException(PLAYBACK_URL_SECONDS + " must be positive, got "
                    + playbackUrlLifetime.toSeconds());
        }
        if (pageSize < 1 || pageSize > TrackQuery.MAX_SIZE) {
            throw new IllegalArgumentException(PAGE_SIZE + " must be 1 to " + TrackQuery.MAX_SIZE + ", got " + pageSize);
        }
        if (!(uncertainBelow >= 0 && uncertainBelow <= 1)) {
            throw new IllegalArgumentException(UNCERTAIN_BELOW + " must be a probability, got " + uncertainBelow);
        }
    }

    /** What {@code source} gives by property name, defaults filling in; throws naming a missing or bad setting. */
    public static DashboardSettings from(Function<String, Optional<String>> source) {
        return new DashboardSettings(SharedSettings.BUCKET.value(source), SharedSettings.queues(source),
                SharedSettings.MODELS_MANIFEST.pathValue(source), MODELS_EVALUATION.value(source),
                MAX_UPLOAD_BYTES.longValue(source), Duration.ofSeconds(PLAYBACK_URL_SECONDS.longValue(source)),
                PAGE_SIZE.intValue(source), UNCERTAIN_BELOW.doubleValue(source), SignInSettings.from(source));
    }
}
