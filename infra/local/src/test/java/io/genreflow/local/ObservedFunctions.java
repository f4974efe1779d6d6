package io.genreflow.local;

import io.genreflow.contracts.Representation;
import io.genreflow.messaging.MessageHandler;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.settings.SharedSettings;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The real functions, watched: every delivery is recorded with how it ended. With
 * {@code e2e.crash-first-delivery-of=<representation>} that representation's classifier does its
 * whole work (its result is sent) and then throws on each batch's first delivery, as a function
 * killed before it could acknowledge would. Active only in tests whose profile enables it.
 */
@Alternative
@Singleton
public class ObservedFunctions implements PipelineHandlers {

    /** One delivery to a handler and how it ended. */
    record Delivery(QueueMessage message, Exception failure) {

        boolean acknowledged() {
            return failure == null;
        }
    }

    private final FunctionHandlers functions;
    private final Path manifest;
    private final Path dataDir;
    private final List<Delivery> deliveries = new ArrayList<>();

    ObservedFunctions(Config config) {
        this.functions = new FunctionHandlers(config);
        this.manifest = SharedSettings.MODELS_MANIFEST.pathValue(name -> config.getOptionalValue(name, String.class));
        this.dataDir = config.getValue("genreflow.data-dir", Path.class);
    }

    /** The stack's data folder, where a test finds its endpoints. */
    Path dataDir() {
        return dataDir;
    }

    /** The model manifest the functions serve, for the reference verdict to use too. */
    Path manifest() {
        return manifest;
    }

    /** A test profile running the real functions, watched. */
    abstract static class Profile implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(ObservedFunctions.class);
        }
    }

    @Override
    public Map<String, MessageHandler> create(PipelineEnvironment environment) {
        Optional<String> crashing = ConfigProvider.getConfig().getOptionalValue("e2e.crash-first-delivery-of",
                String.class);
        Map<String, MessageHandler> observed = new LinkedHashMap<>();
        functions.create(environment).forEach((queue, handler) -> {
            boolean crashes = crashing.map(id -> queue.equals(environment.queues().snippets(Representation.fromId(id))))
                    .orElse(false);
            observed.put(queue, new Observed(handler, crashes));
        });
        return observed;
    }

    /** The deliveries from {@code queue} so far, in order. */
    synchronized List<Delivery> deliveries(String queue) {
        return deliveries.stream().filter(d -> d.message().queue().equals(queue)).toList();
    }

    private synchronized void record(Delivery delivery) {
        deliveries.add(delivery);
    }

    /** Closes what it wraps, so the stack still releases the models at shutdown. */
    private final class Observed implements MessageHandler, AutoCloseable {

        private final MessageHandler handler;
        private final boolean crashesOnFirstDelivery;

        Observed(MessageHandler handler, boolean crashesOnFirstDelivery) {
            this.handler = handler;
            this.crashesOnFirstDelivery = crashesOnFirstDelivery;
        }

        @Override
        public void handle(QueueMessage message) throws Exception {
            try {
                handler.handle(message);
                if (crashesOnFirstDelivery && message.receiveCount() == 1) {
                    throw new IllegalStateException("crashed after its work, before acknowledging (injected by the test)");
                }
                record(new Delivery(message, null));
            } catch (Exception e) {
                record(new Delivery(message, e));
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            if (handler instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }
}
