/** Tracks as the dashboard sees them: read from their records and verdicts, filtered, paged, tagged, and acted on. */
package io.genreflow.dashboard.tracks;
