package io.genreflow.infra.aws;

/**
 * Memory, timeout and SQS feeding of one function.
 *
 * @param memoryMb       Lambda memory (CPU grows with it: one vCPU at 1769 MB)
 * @param timeoutSeconds Lambda timeout; the queue's visibility timeout is six times this
 * @param batchSize      records per invocation of the event source mapping
 * @param maxConcurrency the most concurrent invocations the event source mapping starts (2..1000)
 */
public record FunctionSizing(int memoryMb, int timeoutSeconds, int batchSize, int maxConcurrency) {

    /** AWS's advice for SQS event sources: visibility timeout at least six times the function timeout. */
    public static final int VISIBILITY_TIMEOUT_FACTOR = 6;

    public FunctionSizing {
        if (memoryMb < 128 || memoryMb > 10240) {
            throw new IllegalArgumentException("Lambda memory must be 128..10240 MB, got " + memoryMb);
        }
        if (timeoutSeconds < 1 || timeoutSeconds > 900) {
            throw new IllegalArgumentException("Lambda timeout must be 1..900 s, got " + timeoutSeconds);
        }
        if (batchSize < 1 || batchSize > 10) {
            throw new IllegalArgumentException("SQS batch size must be 1..10 without a batching window, got " + batchSize);
        }
        if (maxConcurrency < 2 || maxConcurrency > 1000) {
            throw new IllegalArgumentException("SQS event source maximum concurrency must be 2..1000, got " + maxConcurrency);
        }
        if (timeoutSeconds * VISIBILITY_TIMEOUT_FACTOR > 43_200) {
            throw new IllegalArgumentException("a timeout of " + timeoutSeconds
                    + " s needs a visibility timeout over SQS's 12-hour maximum");
        }
    }

    /** The visibility timeout of the queue this function consumes. */
    public int visibilityTimeoutSeconds() {
        return timeoutSeconds * VISIBILITY_TIMEOUT_FACTOR;
    }
}
