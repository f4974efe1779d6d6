package io.genreflow.dashboard.tracks;

import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.quarkus.qute.TemplateData;

/**
 * Everything the track page and {@code /api/tracks/{id}} show about one track.
 *
 * @param summary the row the tracks table shows
 * @param record  the track record, the source of truth
 * @param verdict the verdict; null until DONE
 * @param failure advice for a FAILED track; null otherwise
 */
@TemplateData
public record TrackDetail(TrackSummary summary, TrackRecord record, Verdict verdict, FailureAdvice failure) {
}
