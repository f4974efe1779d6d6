/**
 * Verdict maths as pure functions: pooling snippet probabilities into track scores (divide &amp;
 * conquer), combining representations per {@link io.genreflow.manifest.EnsembleSpec} (mean,
 * selective activation, stacking, degraded fallbacks), ranking genres, and fitting the ensemble
 * parameters on validation data for training, with the multinomial logistic regression that
 * stacking and the classical training baseline share. No I/O happens here.
 */
package io.genreflow.verdict;

import io.genreflow.manifest.EnsembleSpec;
