/** Server-side geometry of the SVG charts: probability bars, the genre timeline, confusion matrices, genre colours. */
package io.genreflow.dashboard.charts;
