package io.genreflow.local.polling;

import io.genreflow.messaging.MessageHandler;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every poller of the stack: {@code concurrency} threads per handled queue. */
public final class Pollers {

    private static final Logger LOG = Logger.getLogger(Pollers.class);

    private final List<QueuePoller> pollers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private Pollers() {
    }

    /**
     * Starts polling every queue in {@code handlers}.
     *
     * @param handlers queue name to its handler
     * @param queueUrl the URL of a queue name
     */
    public static Pollers start(SqsClient sqs, Map<String, MessageHandler> handlers, Function<String, String> queueUrl,
                                PollerSettings settings) {
        Pollers group = new Pollers();
        handlers.forEach((queue, handler) -> {
            String url = queueUrl.apply(queue);
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
                    LOG.warnf("a handler of %s was still running after %s; stopping without it", poller.queue(), grace);
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
