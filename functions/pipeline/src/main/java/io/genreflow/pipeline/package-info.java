/**
 * The three stages of genreflow's pipeline as plain components, with I/O left to the caller:
 * {@link io.genreflow.split.TrackSplitter} (audio in, PCM, snippet plan and energy out),
 * {@link io.genreflow.scoring.SnippetScorer} (one representation's probabilities for a batch of
 * snippets) and {@link io.genreflow.verdict.VerdictAssembler} (snippet probabilities in, the
 * verdict out). The serverless functions wrap each stage with S3 and SQS;
 * {@link io.genreflow.pipeline.LocalTrackClassifier} composes all three in one process, so a
 * verdict made on a laptop is computed exactly as the cloud computes it.
 */
package io.genreflow.pipeline;

import io.genreflow.scoring.SnippetScorer;
import io.genreflow.split.TrackSplitter;
import io.genreflow.verdict.VerdictAssembler;
