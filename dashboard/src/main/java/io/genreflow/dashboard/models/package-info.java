/** The Models page's data: the model manifest and its shipped evaluation. */
package io.genreflow.dashboard.models;
