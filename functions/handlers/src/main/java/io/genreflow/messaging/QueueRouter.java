package io.genreflow.messaging;

import io.genreflow.contracts.MalformedContractException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The batch adapter between SQS and a function's typed handlers: each record is read into its
 * queue's message type once and handed to that queue's handler. A record that is not its queue's
 * contract, or that its handler finds unusable, is redelivered or acknowledged as its
 * {@link Route} says; any other failure throws, so only that record of the batch is delivered
 * again. One router is one function: the Lambda entry point and the local pollers both feed it.
 * Closing it releases what the function holds (a loaded model). Thread-safe.
 */
public final class QueueRouter implements MessageHandler, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(QueueRouter.class.getName());

    private final Map<String, Route<?>> routes = new LinkedHashMap<>();
    private final List<AutoCloseable> resources;

    /**
     * A router over {@code routes}, closing {@code resources} when it is closed.
     *
     * @throws IllegalArgumentException when two routes name one queue
     */
    public QueueRouter(List<Route<?>> routes, List<AutoCloseable> resources) {
        for (Route<?> route : routes) {
            if (this.routes.putIfAbsent(route.queue(), route) != null) {
                throw new IllegalArgumentException("two routes for queue " + route.queue());
            }
        }
        this.resources = List.copyOf(resources);
    }

    /** A router over {@code routes} that holds nothing to release. */
    public static QueueRouter of(List<Route<?>> routes) {
        return new QueueRouter(routes, List.of());
    }

    /** The queues routed, in the order given. */
    public List<String> queues() {
        return List.copyOf(routes.keySet());
    }

    /**
     * Reads the message and hands it to its queue's handler.
     *
     * @throws IllegalArgumentException when no route serves the message's queue
     */
    @Override
    public void handle(QueueMessage message) throws Exception {
        Route<?> route = routes.get(message.queue());
        if (route == null) {
            throw new IllegalArgumentException("nothing here consumes " + message.queue() + "; this function reads "
                    + routes.keySet());
        }
        try {
            route.deliver(message.body());
        } catch (MalformedContractException | UnusableMessageException e) {
            if (route.whenUnusable() == WhenUnusable.REDELIVER) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "acknowledging message {0} of {1} without effect, as a dead-letter"
                    + " queue has no dead-letter queue to pass it on to: {2}", message.messageId(), message.queue(),
                    e.getMessage());
        }
    }

    /** Closes every resource, the first failure thrown with the others suppressed. */
    @Override
    public void close() throws Exception {
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable resource : resources) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            Exception first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
