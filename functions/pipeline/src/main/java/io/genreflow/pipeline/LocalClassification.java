package io.genreflow.pipeline;

import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import java.util.Objects;

/**
 * A local file classified in-process: its track record (audio info, snippet plan, energy), as the
 * serverless splitter would have stored it, and its verdict.
 *
 * @param track   the finished track's record
 * @param verdict its verdict
 */
public record LocalClassification(TrackRecord track, Verdict verdict) {

    public LocalClassification {
        Objects.requireNonNull(track, "track");
        Objects.requireNonNull(verdict, "verdict");
    }
}
