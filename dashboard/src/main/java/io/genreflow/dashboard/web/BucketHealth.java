package io.genreflow.dashboard.web;

import io.genreflow.dashboard.PipelineAccess;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the pipeline's bucket answers; the dashboard shows nothing without it. */
@Readiness
@ApplicationScoped
public class BucketHealth implements HealthCheck {

    private final PipelineAccess pipeline;

    BucketHealth(PipelineAccess pipeline) {
        this.pipeline = pipeline;
    }

    @Override
    public HealthCheckResponse call() {
        try {
            pipeline.s3().headBucket(h -> h.bucket(pipeline.bucket()));
            return HealthCheckResponse.named("bucket").up().withData("bucket", pipeline.bucket()).build();
        } catch (RuntimeException e) {
            return HealthCheckResponse.named("bucket").down().withData("bucket", pipeline.bucket())
                    .withData("reason", String.valueOf(e.getMessage())).build();
        }
    }
}
