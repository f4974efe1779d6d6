package io.genreflow.classifier;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.SchemaVersion;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.manifest.ModelException;
import io.genreflow.messaging.ContractHandler;
import io.genreflow.messaging.MessageSender;
import io.genreflow.model.ExecutionProvider;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.pcm.PcmRange;
import io.genreflow.scoring.ScoringTime;
import io.genreflow.scoring.SnippetScorer;
import io.genreflow.storage.TrackStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The classifier for one representation: reads exactly the PCM bytes of a snippet batch with a
 * ranged GET, scores the snippets with the representation's model and sends the
 * {@link PartialResult} to the results queue. The model is loaded once, when the handler is made;
 * close the handler to release it. Any failure throws, so the batch is delivered again and, when
 * it keeps failing, ends in the dead-letter queue the aggregator accounts for. Thread-safe.
 */
public final class ClassifierHandler implements ContractHandler<SnippetBatchMessage>, AutoCloseable {

    private final ClassifierSettings settings;
    private final OnnxSnippetClassifier classifier;
    private final SnippetScorer scorer;
    private final TrackStore store;
    private final MessageSender sender;

    /**
     * A classifier over these clients, with its model loaded.
     *
     * @throws ModelException when the manifest or model is missing, altered or does not fit the
     *                        manifest's parameters
     */
    public ClassifierHandler(S3Client s3, SqsClient sqs, ClassifierSettings settings) throws ModelException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new TrackStore(s3, settings.bucket());
        this.sender = new MessageSender(sqs);
        this.classifier = OnnxSnippetClassifier.load(settings.manifest(), settings.representation(), settings.onnx());
        try {
            this.scorer = new SnippetScorer(classifier, settings.modelBatchSize());
        } catch (ModelException | RuntimeException e) {
            classifier.close();
            throw e;
        }
    }

    /** The representation this classifier computes. */
    public Representation representation() {
        return settings.representation();
    }

    /**
     * Classifies the snippet batch.
     *
     * @throws IllegalArgumentException when the batch is for another representation
     */
    @Override
    public void handle(SnippetBatchMessage batch) throws ModelException {
        if (batch.representation() != representation()) {
            throw new IllegalArgumentException("a '" + batch.representation().id() + "' batch reached the '"
                    + representation().id() + "' classifier through " + settings.queues().snippets(representation())
                    + "; check the queue wiring");
        }
        long start = System.nanoTime();
        int context = scorer.contextSamples();
        PcmRange pcm = PcmRange.fromBytes(store.readRange(batch.pcmKey(), batch.pcmRangeHeader(context)),
                batch.firstSample(context), batch.totalSamples());
        long read = System.nanoTime();
        long[] starts = batch.snippets().stream().mapToLong(SnippetBatchMessage.Snippet::startSample).toArray();
        ScoringTime scoring = new ScoringTime();
        float[][] probabilities = scorer.score(pcm, starts, scoring);

        List<PartialResult.SnippetScores> scores = new ArrayList<>(starts.length);
        for (int i = 0; i < starts.length; i++) {
            List<Float> row = new ArrayList<>(probabilities[i].length);
            for (float p : probabilities[i]) {
                row.add(p);
            }
            scores.add(new PartialResult.SnippetScores(batch.snippets().get(i).index(), row));
        }
        PartialResult result = new PartialResult(SchemaVersion.CURRENT, batch.trackId(), batch.representation(),
                batch.batch(), scores, classifier.manifest().modelVersion(),
                Map.of("read", millis(start, read), "features", scoring.featuresMillis(),
                        "inference", scoring.inferenceMillis()));
        sender.send(settings.queues().results(), new String(ContractJson.write(result), StandardCharsets.UTF_8));
    }

    /** Where the model runs: the CPU when CUDA was asked for but no GPU could be used. */
    public ExecutionProvider executionProvider() {
        return classifier.activeProvider();
    }

    /** Releases the model. */
    @Override
    public void close() {
        classifier.close();
    }

    private static long millis(long fromNanos, long toNanos) {
        return TimeUnit.NANOSECONDS.toMillis(toNanos - fromNanos);
    }
}
