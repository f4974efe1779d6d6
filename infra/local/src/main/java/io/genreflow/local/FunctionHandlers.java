package io.genreflow.local;

import io.genreflow.contracts.Representation;
import io.genreflow.handlers.AggregatorHandler;
import io.genreflow.handlers.AggregatorSettings;
import io.genreflow.handlers.ClassifierHandler;
import io.genreflow.handlers.ClassifierSettings;
import io.genreflow.handlers.SplitterHandler;
import io.genreflow.handlers.SplitterSettings;
import io.genreflow.messaging.MessageHandler;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.split.SplitLimits;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * genreflow's three functions, wired to the queues they consume on AWS: the splitter to
 * {@code uploads}, one classifier per representation of the model manifest to its
 * {@code snippets-<representation>} queue, and the aggregator to {@code results} and the
 * dead-letter queues it watches. Tests may replace this bean with their own {@link PipelineHandlers}.
 */
@DefaultBean
@ApplicationScoped
public class FunctionHandlers implements PipelineHandlers {

    private final LocalStackConfig.Functions config;

    FunctionHandlers(LocalStackConfig config) {
        this.config = config.functions();
    }

    @Override
    public Map<String, MessageHandler> create(PipelineEnvironment environment) {
        Path manifestPath = config.modelsManifest().toAbsolutePath().normalize();
        Clock clock = Clock.systemUTC();
        Map<String, MessageHandler> handlers = new LinkedHashMap<>();
        try {
            ModelManifest manifest = ModelManifest.load(manifestPath);
            SplitLimits limits = new SplitLimits(config.maxUploadBytes(), config.maxDuration().toMillis() / 1000.0);
            handlers.put(environment.queues().uploads(), new SplitterHandler(environment.s3(), environment.sqs(),
                    new SplitterSettings(environment.bucket(), environment.queues(), manifestPath, limits,
                            config.snippetsPerBatch()), clock));
            OnnxSnippetClassifier.Options onnx = OnnxSnippetClassifier.Options.defaults()
                    .withIntraOpThreads(config.onnxThreads());
            for (String id : manifest.representations().keySet()) {
                Representation representation = Representation.fromId(id);
                handlers.put(environment.queues().snippets(representation), new ClassifierHandler(environment.s3(),
                        environment.sqs(), new ClassifierSettings(environment.bucket(), environment.queues(),
                        manifestPath, representation, config.modelBatchSize(), onnx)));
            }
            AggregatorHandler aggregator = new AggregatorHandler(environment.s3(),
                    new AggregatorSettings(environment.bucket(), environment.queues(), manifestPath, config.topK()),
                    clock);
            aggregator.queues().forEach(queue -> handlers.put(queue, aggregator));
        } catch (ModelException e) {
            handlers.values().forEach(FunctionHandlers::closeIfNeeded);
            throw new IllegalStateException("cannot load the models of " + manifestPath + ": " + e.getMessage()
                    + " (set genreflow.functions.models-manifest, env GENREFLOW_FUNCTIONS_MODELS_MANIFEST)", e);
        }
        return handlers;
    }

    private static void closeIfNeeded(MessageHandler handler) {
        if (handler instanceof ClassifierHandler classifier) {
            classifier.close();
        }
    }
}
