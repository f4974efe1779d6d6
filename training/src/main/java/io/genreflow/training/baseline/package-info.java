/**
 * {@code genreflow baseline}: the classical baseline the networks are compared with, a multinomial
 * logistic regression on per-track summary statistics (mean and standard deviation of every
 * feature column) of the prepared representations, evaluated on the dataset's own folds and
 * hold-out split.
 */
package io.genreflow.training.baseline;
