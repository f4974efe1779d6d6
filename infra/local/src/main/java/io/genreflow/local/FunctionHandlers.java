package io.genreflow.local;

import io.genreflow.aggregator.AggregatorRoot;
import io.genreflow.classifier.ClassifierRoot;
import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.messaging.MessageHandler;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.settings.SharedSettings;
import io.genreflow.splitter.SplitterRoot;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;

/**
 * genreflow's three functions, built by the same composition roots and read from the same settings
 * as their Lambda entry points, wired to the queues they consume on AWS: the splitter to
 * {@code uploads}, one classifier per representation of the model manifest to its
 * {@code snippets-<representation>} queue, and the aggregator to {@code results} and the
 * dead-letter queues it watches. The stack supplies what it decides itself, the bucket, the queue
 * prefix and each classifier's representation; every other setting is the functions' own
 * ({@code genreflow.splitter.*}, {@code genreflow.classifier.*}, ... in docs/settings.md). Tests may
 * replace this bean with their own {@link PipelineHandlers}.
 */
@DefaultBean
@ApplicationScoped
public class FunctionHandlers implements PipelineHandlers {

    private final Config config;

    FunctionHandlers(Config config) {
        this.config = config;
    }

    @Override
    public Map<String, MessageHandler> create(PipelineEnvironment environment) {
        Function<String, Optional<String>> settings = environment.settings(
                name -> config.getOptionalValue(name, String.class));
        Path manifestPath = SharedSettings.MODELS_MANIFEST.pathValue(settings).toAbsolutePath().normalize();
        List<QueueRouter> functions = new ArrayList<>();
        try {
            functions.add(SplitterRoot.wire(environment.s3(), environment.sqs(), settings));
            for (String representation : ModelManifest.read(manifestPath).representations().keySet()) {
                functions.add(ClassifierRoot.wire(environment.s3(), environment.sqs(),
                        PipelineEnvironment.overriding(Map.of(ClassifierSettings.REPRESENTATION.name(), representation), settings)));
            }
            functions.add(AggregatorRoot.wire(environment.s3(), settings));
        } catch (ModelException e) {
            IllegalStateException failure = new IllegalStateException("cannot load the models of " + manifestPath
                    + ": " + e.getMessage() + " (set " + SharedSettings.MODELS_MANIFEST + ")", e);
            for (QueueRouter function : functions) {
                try {
                    function.close();
                } catch (Exception closing) {
                    failure.addSuppressed(closing);
                }
            }
            throw failure;
        }
        Map<String, MessageHandler> handlers = new LinkedHashMap<>();
        for (QueueRouter function : functions) {
            function.queues().forEach(queue -> handlers.put(queue, function));
        }
        return handlers;
    }
}
