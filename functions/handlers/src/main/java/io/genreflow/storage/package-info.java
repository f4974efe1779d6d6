/**
 * The pipeline's state in S3: track records, partial results, failure notes and verdicts as JSON
 * contracts, the decoded PCM streamed up and read back in ranges. Writes that decide a track's fate
 * are conditional on what was read, so concurrent functions cannot overwrite each other's decisions.
 */
package io.genreflow.storage;
