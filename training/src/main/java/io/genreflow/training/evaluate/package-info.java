/**
 * The {@code evaluate} and {@code cv-summary} commands: score a prepared dataset's tracks with a
 * model set through the serving code (classifier, normalisation, pooling, ensemble, ranking), and
 * report accuracy, balanced accuracy, macro-F1, per-class figures, confusion matrices, bootstrap
 * confidence intervals and robustness to sped-up audio.
 */
package io.genreflow.training.evaluate;
