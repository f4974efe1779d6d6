package io.genreflow.dashboard.lambda;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Where the deployed pipeline is: {@code GENREFLOW_BUCKET}, {@code GENREFLOW_QUEUES_PREFIX}, the region Lambda runs in. */
@ConfigMapping(prefix = "genreflow")
public interface LambdaConfig {

    /** The pipeline's bucket. */
    String bucket();

    /** The region; Lambda sets AWS_REGION. */
    @WithDefault("${AWS_REGION:us-east-1}")
    String region();

    /** The queues' names. */
    Queues queues();

    /** Queue naming. */
    interface Queues {

        /** Put before every queue name at deployment, e.g. {@code genreflow-}. */
        Optional<String> prefix();
    }
}
