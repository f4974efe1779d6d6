/**
 * {@code genreflow classify}: verdicts for audio files on this machine, with no cloud service,
 * made by the same pipeline stages the serverless functions run
 * ({@link io.genreflow.pipeline.LocalTrackClassifier}).
 */
package io.genreflow.training.classify;
