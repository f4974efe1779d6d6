/**
 * The {@code prepare} command: finds labelled tracks, turns each into feature rows on worker
 * threads, and writes shards and tables resumably and deterministically.
 */
package io.genreflow.training.prepare;
