package io.genreflow.local;

import io.genreflow.messaging.MessageHandler;
import io.genreflow.messaging.QueueMessage;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test handlers: the uploads queue's records what it gets; the results queue's always fails.
 * Active only in tests that select {@link Profile}; the others run the real functions.
 */
@Alternative
@Singleton
public class RecordingPipelineHandlers implements PipelineHandlers {

    private final BlockingQueue<QueueMessage> uploads = new LinkedBlockingQueue<>();
    private final BlockingQueue<QueueMessage> failed = new LinkedBlockingQueue<>();

    @Override
    public Map<String, MessageHandler> create(PipelineEnvironment environment) {
        return Map.of(
                environment.queues().uploads(), uploads::add,
                environment.queues().results(), message -> {
                    failed.add(message);
                    throw new IllegalStateException("this handler always fails");
                });
    }

    /** Runs the stack with these handlers instead of the functions. */
    public static final class Profile implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(RecordingPipelineHandlers.class);
        }
    }

    /** The next message the uploads handler got, or null after {@code seconds}. */
    QueueMessage nextUpload(int seconds) throws InterruptedException {
        return uploads.poll(seconds, TimeUnit.SECONDS);
    }

    /** The next message the failing handler got, or null after {@code seconds}. */
    QueueMessage nextFailure(int seconds) throws InterruptedException {
        return failed.poll(seconds, TimeUnit.SECONDS);
    }
}
