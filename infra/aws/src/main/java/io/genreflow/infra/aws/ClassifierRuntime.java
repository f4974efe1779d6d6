package io.genreflow.infra.aws;

import java.util.Locale;

/** Where one representation's classifier runs. */
public enum ClassifierRuntime {
    /** A java21 Lambda fed by the snippets queue's event source mapping. */
    LAMBDA,
    /** The queue worker container on Fargate (CPU), scaled on queue depth down to zero. */
    FARGATE,
    /** The queue worker container on ECS GPU instances (CUDA), scaled on queue depth down to zero. */
    GPU;

    /** The runtime a context value names: {@code lambda}, {@code fargate} or {@code gpu}. */
    public static ClassifierRuntime parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("classifier runtime '" + value + "' is not one of lambda, fargate, gpu", e);
        }
    }

    /** Whether this runtime is the queue worker container. */
    public boolean isContainer() {
        return this != LAMBDA;
    }
}
