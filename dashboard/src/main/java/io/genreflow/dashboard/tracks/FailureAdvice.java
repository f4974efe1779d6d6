package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.TrackRecord;
import io.quarkus.qute.TemplateData;

/**
 * A failed track's reason in plain words and what the user can do about it.
 *
 * @param summary    what happened, in one sentence
 * @param reason     the pipeline's own words, which name what was detected
 * @param whatToDo   the next step
 * @param reprocess  whether trying again can help (a broken file stays broken)
 */
@TemplateData
public record FailureAdvice(String summary, String reason, String whatToDo, boolean reprocess) {

    /** The advice for {@code failure}. */
    public static FailureAdvice of(TrackRecord.Failure failure) {
        String reason = failure.reason();
        return switch (failure.stage()) {
            case SPLITTER -> reason.contains("gave up")
                    ? new FailureAdvice("The splitter kept failing on this upload and gave up.", reason,
                            "This is usually a passing fault in storage or messaging: reprocess the track. If it"
                                    + " fails the same way again, report the track id.", true)
                    : new FailureAdvice("The file could not be used as audio.", reason,
                            "Check that the file plays in a music player and is WAV, MP3, FLAC, Ogg Vorbis, AU or"
                                    + " AIFF within the size and length limits, then upload a repaired copy;"
                                    + " reprocessing the same bytes gives the same result.", false);
            case CLASSIFIER -> new FailureAdvice("No representation's model could score this track.", reason,
                    "Reprocess the track; if it fails again the models may not fit this audio: report the track id"
                            + " with the reason.", true);
            case AGGREGATOR -> new FailureAdvice("The partial results could not be combined into a verdict.",
                    reason, "Reprocess the track (for instance after new models are shipped).", true);
        };
    }
}
