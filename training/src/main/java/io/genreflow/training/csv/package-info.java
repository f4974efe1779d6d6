/** Reading manifests and writing the dataset tables as RFC 4180 CSV. */
package io.genreflow.training.csv;
