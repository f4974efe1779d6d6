package io.genreflow.dashboard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.nio.file.Path;
import java.time.Duration;

/** The dashboard's settings, {@code genreflow.dashboard.*} (env {@code GENREFLOW_DASHBOARD_…}). */
@ConfigMapping(prefix = "genreflow.dashboard")
public interface DashboardConfig {

    /** The model manifest the Models page describes; its evaluation lies beside it. */
    @WithDefault("models/manifest.json")
    Path modelsManifest();

    /** The model evaluation shown on the Models page, relative to the manifest's folder. */
    @WithDefault("evaluation-test/evaluation.json")
    String modelsEvaluation();

    /** The largest file the upload page signs a request for (the splitter's own limit is 2 GiB). */
    @WithDefault("2147483648")
    long maxUploadBytes();

    /** How long the signed URL the audio player streams from stays valid. */
    @WithDefault("15M")
    Duration playbackUrlLifetime();

    /** Tracks per page unless the request asks for another size (at most 500). */
    @WithDefault("50")
    int pageSize();

    /** Below this confidence a verdict is marked uncertain. */
    @WithDefault("0.5")
    double uncertainBelow();
}
