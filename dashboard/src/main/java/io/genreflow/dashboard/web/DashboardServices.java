package io.genreflow.dashboard.web;

import io.genreflow.contracts.S3Keys;
import io.genreflow.dashboard.DashboardSettings;
import io.genreflow.dashboard.PipelineAccess;
import io.genreflow.dashboard.models.ModelCatalog;
import io.genreflow.dashboard.spectrogram.SpectrogramStore;
import io.genreflow.dashboard.tracks.TrackActions;
import io.genreflow.dashboard.tracks.TrackCatalog;
import io.genreflow.dashboard.upload.UploadPolicy;
import io.genreflow.dashboard.upload.UploadSigner;
import io.genreflow.settings.SharedSettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The dashboard's parts, made on first use: the application provides {@link PipelineAccess} once
 * its servers are up, which may be after this bean exists.
 */
@ApplicationScoped
public class DashboardServices {

    private final PipelineAccess pipeline;
    private volatile TrackCatalog catalog;
    private volatile ModelCatalog models;
    private volatile String s3Origin;

    DashboardServices(PipelineAccess pipeline) {
        this.pipeline = pipeline;
    }

    /** The settings. */
    public DashboardSettings settings() {
        return pipeline.settings();
    }

    /** The pipeline's bucket and queues. */
    public PipelineAccess pipeline() {
        return pipeline;
    }

    /** The tracks. */
    public TrackCatalog catalog() {
        TrackCatalog current = catalog;
        if (current == null) {
            synchronized (this) {
                if (catalog == null) {
                    catalog = new TrackCatalog(pipeline.s3(), pipeline.bucket(), settings().uncertainBelow());
                }
                current = catalog;
            }
        }
        return current;
    }

    /** Spectrogram images. */
    public SpectrogramStore spectrograms() {
        return new SpectrogramStore(pipeline.s3(), pipeline.bucket());
    }

    /** Reprocess and delete. */
    public TrackActions actions() {
        return new TrackActions(pipeline.s3(), pipeline.bucket(), pipeline.sqs(), pipeline.uploadsQueueUrl(),
                pipeline.region(), Clock.systemUTC());
    }

    /** The model set's description. */
    public ModelCatalog models() {
        ModelCatalog current = models;
        if (current == null) {
            Path manifest = settings().manifest().toAbsolutePath().normalize();
            try {
                current = ModelCatalog.load(manifest, manifest.resolveSibling(settings().modelsEvaluation()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the model manifest " + manifest
                        + "; set " + SharedSettings.MODELS_MANIFEST, e);
            }
            models = current;
        }
        return current;
    }

    /** The checks a file passes before its upload is signed. */
    public UploadPolicy uploadPolicy() {
        return new UploadPolicy(settings().maxUploadBytes());
    }

    /** Signs uploads. */
    public UploadSigner uploadSigner() {
        return new UploadSigner(pipeline.presigner(), pipeline.credentials(), pipeline.bucket(), pipeline.region(),
                Clock.systemUTC());
    }

    /**
     * The origin (scheme, host, port) browsers reach S3 at, taken from a signed URL so it is right
     * for every endpoint and addressing style; the Content-Security-Policy allows it.
     */
    public String s3Origin() {
        String current = s3Origin;
        if (current == null) {
            URL url = pipeline.presigner().presignGetObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                    .getObjectRequest(g -> g.bucket(pipeline.bucket()).key(S3Keys.UPLOADS_PREFIX))).url();
            current = url.getProtocol() + "://" + url.getAuthority();
            s3Origin = current;
        }
        return current;
    }

    @PreDestroy
    void close() {
        if (catalog != null) {
            catalog.close();
        }
    }
}
