package io.genreflow.scoring;

import io.genreflow.contracts.Representation;
import io.genreflow.features.FeatureExtractor;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.manifest.Normalisation;
import io.genreflow.manifest.RepresentationModel;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.pcm.SampleSource;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The classifier stage for one representation: cuts snippets from a {@link SampleSource},
 * computes the representation, standardises it with the manifest's normalisation and scores
 * batches with the representation's ONNX model.
 *
 * <p>Create one per representation and process (e.g. per Lambda container) and keep it. It is
 * thread-safe: the model session is, and feature extractors, which are not, are kept in a pool and
 * lent to one call at a time, so there are never more of them than concurrent calls.
 */
public final class SnippetScorer {

    /** Snippets per model call unless configured: bounded memory, and most of the batching gain. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private final OnnxSnippetClassifier classifier;
    private final Representation representation;
    private final FeatureParams params;
    private final Normalisation normalisation;
    private final int snippetSamples;
    private final int snippetSize;
    private final int batchSize;
    private final Deque<FeatureExtractor> idleExtractors = new ConcurrentLinkedDeque<>();

    /**
     * A scorer using {@code classifier}'s model and manifest.
     *
     * @param batchSize the most snippets handed to the model at once; bounds the memory a call needs
     * @throws ModelException with {@link ModelException.Reason#MODEL_MISMATCH} when the model's input
     *                        shape is not what the manifest's feature and snippet parameters produce,
     *                        i.e. the model was trained with other parameters
     */
    public SnippetScorer(OnnxSnippetClassifier classifier, int batchSize) throws ModelException {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        if (batchSize < 1) {
            throw new IllegalArgumentException("the batch size must be at least 1, got " + batchSize);
        }
        this.batchSize = batchSize;
        ModelManifest manifest = classifier.manifest();
        this.representation = classifier.representation();
        this.params = manifest.features();
        RepresentationModel model = manifest.model(representation);
        this.normalisation = model.normalisation();
        this.snippetSamples = manifest.snippets().snippetSamples(manifest.sampleRate());
        FeatureExtractor extractor = FeatureExtractor.create(representation, params);
        long[] produced = Arrays.stream(extractor.shape(snippetSamples)).asLongStream().toArray();
        if (!Arrays.equals(produced, model.snippetShape())) {
            throw new ModelException(ModelException.Reason.MODEL_MISMATCH, "the '" + representation.id()
                    + "' model takes snippets shaped " + Arrays.toString(model.snippetShape()) + " but "
                    + manifest.snippets().snippetSeconds() + "-s snippets with the manifest's feature parameters "
                    + params + " give " + Arrays.toString(produced) + "; the model was trained with other"
                    + " parameters: deploy it with the manifest that was written for it");
        }
        this.snippetSize = Math.toIntExact(Arrays.stream(produced).reduce(1, Math::multiplyExact));
        idleExtractors.push(extractor);
    }

    /** The representation this scorer computes. */
    public Representation representation() {
        return representation;
    }

    /** Samples per snippet, at the model's rate. */
    public int snippetSamples() {
        return snippetSamples;
    }

    /**
     * Samples the features read beyond each end of a batch: a {@link SampleSource} handed to
     * {@link #score} must hold them too where the track has them (a ranged read widens by this much).
     */
    public int contextSamples() {
        return params.contextSamples();
    }

    /**
     * Scores the snippets starting at {@code startSamples}.
     *
     * @param pcm          holds the samples of every snippet and {@link #contextSamples()} around
     *                     them (the whole track, or a ranged read of it)
     * @param startSamples each snippet's first sample in the track, in increasing order
     * @return per snippet, in the order of {@code startSamples}, one probability per manifest label
     * @throws IllegalArgumentException when {@code pcm} does not hold a snippet's samples
     * @throws ModelException           when the model fails or returns something that is not a
     *                                  distribution over the labels
     */
    public float[][] score(SampleSource pcm, long[] startSamples) throws ModelException {
        return score(pcm, startSamples, new ScoringTime());
    }

    /**
     * Scores the snippets starting at {@code startSamples}, as {@link #score(SampleSource, long[])}
     * does, adding the time spent on features and on inference to {@code time}.
     */
    public float[][] score(SampleSource pcm, long[] startSamples, ScoringTime time) throws ModelException {
        float[][] probabilities = new float[startSamples.length][];
        FeatureExtractor extractor = borrowExtractor();
        try {
            for (int first = 0; first < startSamples.length; first += batchSize) {
                int count = Math.min(batchSize, startSamples.length - first);
                float[] batch = new float[count * snippetSize];
                long featuresStart = System.nanoTime();
                float[][][] features = extractor.extract(pcm,
                        Arrays.copyOfRange(startSamples, first, first + count), snippetSamples);
                for (int i = 0; i < count; i++) {
                    normalisation.apply(features[i]);
                    int offset = i * snippetSize;
                    for (float[] step : features[i]) {
                        System.arraycopy(step, 0, batch, offset, step.length);
                        offset += step.length;
                    }
                }
                long inferenceStart = System.nanoTime();
                float[][] scored = classifier.classify(batch, count);
                time.add(inferenceStart - featuresStart, System.nanoTime() - inferenceStart);
                System.arraycopy(scored, 0, probabilities, first, count);
            }
        } finally {
            idleExtractors.push(extractor);
        }
        return probabilities;
    }

    private FeatureExtractor borrowExtractor() {
        FeatureExtractor idle = idleExtractors.poll();
        return idle != null ? idle : FeatureExtractor.create(representation, params);
    }
}
