/** The track page's spectrogram: drawn from the decoded audio by the feature code, kept in the bucket. */
package io.genreflow.dashboard.spectrogram;
