package io.genreflow.messaging.polling;

import io.genreflow.messaging.MessageHandler;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** A group of queue pollers: {@code concurrency} threads per handled queue, stopped together. */
public final class Pollers {

    private static final System.Logger LOG = System.getLogger(Pollers.class.getName());

    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private Pollers() {
    }

    /**
     * Starts polling every queue in {@code handlers}.
     *
     * @param handlers queue name to its handler
     * @param queueUrl the URL of a queue name
     * @param settingsOf how a queue, by name, is polled
     */
    public static Pollers start(SqsClient sqs, Map<String, MessageHandler> handlers, Function<String, String> queueUrl,
                                Function<String, PollerSettings> settingsOf) {
        Pollers group = new Pollers();
        handlers.forEach((queue, handler) -> {
            String url = queueUrl.apply(queue);
            PollerSettings settings = settingsOf.apply(queue);
            for (int i = 1; i <= settings.concurrency(); i++) {
                QueuePoller poller = new QueuePoller(sqs, queue, url, handler, settings);
                // Daemon: a thread still waiting in a long poll must not keep the JVM alive after stop().
                Thread thread = Thread.ofPlatform().name("poller-" + queue + "-" + i).daemon(true).start(poller);
                group.pollers.add(poller);
                group.threads.add(thread);
            }
        });
        return group;
    }

    /**
     * Stops fetching and waits, at most {@code grace} in all, for the batches being handled to finish.
     * Messages received but not yet handled return to their queue after the visibility timeout.
     */
    public void stop(Duration grace) {
        pollers.forEach(QueuePoller::requestStop);
        long deadline = System.nanoTime() + grace.toNanos();
        for (QueuePoller poller : pollers) {
            long left = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
            try {
                if (!poller.awaitIdle(left)) {
                    LOG.log(System.Logger.Level.WARNING, "a handler of {0} was still running after {1}; stopping without it",
                            poller.queue(), grace);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How many poller threads run. */
    public int size() {
        return threads.size();
    }
}
