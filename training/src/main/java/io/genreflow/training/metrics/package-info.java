/**
 * Figures of merit shared by the baseline and the network evaluation, defined as the Python
 * trainer defines them so the numbers compare directly: classification metrics of hard
 * predictions, and a metric's mean and spread over cross-validation folds.
 */
package io.genreflow.training.metrics;
