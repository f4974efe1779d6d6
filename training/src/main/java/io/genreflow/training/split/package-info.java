/** Seeded, label-stratified, group-preserving assignment of tracks to splits and cross-validation folds. */
package io.genreflow.training.split;
