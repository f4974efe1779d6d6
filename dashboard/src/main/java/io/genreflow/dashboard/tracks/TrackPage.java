package io.genreflow.dashboard.tracks;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * One page of a track listing.
 *
 * @param tracks the tracks on this page
 * @param total  tracks matching the query on all pages
 * @param page   this page's number, from 1
 * @param size   tracks per page
 */
@TemplateData
public record TrackPage(List<TrackSummary> tracks, int total, int page, int size) {

    /** How many pages the matching tracks fill (at least 1). */
    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** Whether a previous page exists. */
    public boolean hasPrevious() {
        return page > 1;
    }

    /** Whether a next page exists. */
    public boolean hasNext() {
        return page < pages();
    }
}
