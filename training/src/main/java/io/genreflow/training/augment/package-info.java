/**
 * Audio variants that enlarge the training data (speed, gain, noise, random low-pass), each with
 * reproducible random choices per track.
 */
package io.genreflow.training.augment;
