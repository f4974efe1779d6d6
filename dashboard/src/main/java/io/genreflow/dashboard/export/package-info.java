/** Verdicts as downloadable files. */
package io.genreflow.dashboard.export;
