package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.TrackStatus;
import io.quarkus.qute.TemplateData;
import java.util.Locale;

/**
 * One row of the tracks table and one item of {@code /api/tracks}.
 *
 * @param id               the track id
 * @param name             the upload's name (its key without {@code uploads/})
 * @param title            the title from the file's tags, else null
 * @param artist           the artist from the file's tags, else null
 * @param status           where the track is
 * @param partialsIn       partial results accounted for
 * @param partialsExpected partial results expected (0 while splitting)
 * @param genre            the verdict's genre; null until DONE
 * @param confidence       its probability; null until DONE
 * @param uncertain        whether the verdict is too close to call (see {@link Uncertainty})
 * @param degraded         whether a representation was missing from the verdict
 * @param energyLevel      LOW, MEDIUM or HIGH; null until the splitter measured it
 * @param energyScore      the 0–1 energy score; null until measured
 * @param durationSeconds  the audio's length; null until decoded
 * @param createdAt        when the upload was first seen (ISO-8601)
 * @param updatedAt        when the track last changed (ISO-8601)
 * @param failureReason    why it failed, in the pipeline's words; null unless FAILED
 */
@TemplateData
public record TrackSummary(String id, String name, String title, String artist, TrackStatus status, int partialsIn,
                           int partialsExpected, String genre, Double confidence, boolean uncertain, boolean degraded,
                           String energyLevel, Double energyScore, Double durationSeconds, String createdAt,
                           String updatedAt, String failureReason) {

    /** What the table shows as the track's name: the tag title, else the file name. */
    public String displayTitle() {
        return title != null ? title : name;
    }

    /** The status in lower case, as pages print it. */
    public String statusName() {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Progress in whole percent. */
    public int percent() {
        return new TrackProgress.Progress(partialsIn, partialsExpected).percent();
    }
}
