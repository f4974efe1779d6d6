package io.genreflow.local;

import io.genreflow.messaging.MessageHandler;

import java.util.Map;

/**
 * The seam between the local stack and genreflow's functions: which handler consumes which queue.
 * The stack runs pollers for exactly the queues named here. One CDI bean implements it;
 * {@link FunctionHandlers} is the default, the real functions.
 */
public interface PipelineHandlers {

    /**
     * Builds the handlers, once, after S3 and SQS are up.
     *
     * @return queue name (as in {@link io.genreflow.contracts.QueueNames}) to the handler of its messages
     */
    Map<String, MessageHandler> create(PipelineEnvironment environment);
}
