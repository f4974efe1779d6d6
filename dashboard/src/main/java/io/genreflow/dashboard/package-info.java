/** The web dashboard as a Quarkus library: what it needs from the application ({@link io.genreflow.dashboard.PipelineAccess}) and its settings. */
package io.genreflow.dashboard;
