package io.genreflow.local;

import io.genreflow.messaging.MessageHandler;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Map;

/**
 * Stands in until the splitter, classifier and aggregator are wired as a {@link PipelineHandlers}
 * bean (any such bean replaces this one). It consumes nothing: upload events wait in their queue.
 */
@DefaultBean
@ApplicationScoped
public class PlaceholderPipelineHandlers implements PipelineHandlers {

    private static final Logger LOG = Logger.getLogger(PlaceholderPipelineHandlers.class);

    @Override
    public Map<String, MessageHandler> create(PipelineEnvironment environment) {
        LOG.warn("no pipeline handlers are wired yet: upload events stay queued in "
                + environment.queues().uploads());
        return Map.of();
    }
}
