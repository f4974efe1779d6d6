/**
 * genreflow's training tools, run as {@code genreflow <command>} through {@link io.genreflow.training.Cli}:
 * {@code prepare} turns labelled audio into the feature tensors a trainer reads, with exactly the
 * decoding, resampling, snippet and feature code the classifier serves with.
 */
package io.genreflow.training;
