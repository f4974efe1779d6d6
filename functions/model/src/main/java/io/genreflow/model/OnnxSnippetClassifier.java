package io.genreflow.model;

import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelFiles;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.manifest.ModelOutput;
import io.genreflow.manifest.RepresentationModel;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.genreflow.contracts.Representation;
import io.genreflow.maths.Softmax;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scores batches of snippets of one representation with that representation's ONNX model, returning
 * one probability distribution over the manifest's labels per snippet.
 *
 * <p>Load it once and keep it for the life of the process (e.g. a Lambda container): loading checks
 * the model file's SHA-256, creates the ONNX Runtime session, and compares the model's input and
 * output shapes with the manifest, so a mismatched deployment fails at start-up instead of on the
 * first track. All classifiers share ONNX Runtime's one process-wide {@link OrtEnvironment}.
 *
 * <p>Snippets must already be normalised as {@link RepresentationModel#normalisation()} says.
 *
 * <p>Thread-safe: ONNX Runtime allows concurrent {@code run} calls on one session and this class
 * has no other mutable state, so one instance can serve several threads. {@link #close()} must not
 * race with classifications still running.
 *
 * <p>Packaging: this module depends on the CPU artifact {@code com.microsoft.onnxruntime:onnxruntime}.
 * The GPU container swaps it for {@code com.microsoft.onnxruntime:onnxruntime_gpu} (same API, plus the
 * CUDA provider) and asks for {@link ExecutionProvider#CUDA}; without that artifact, CUDA libraries
 * or a visible device, the classifier logs a warning and runs on the CPU.
 */
public final class OnnxSnippetClassifier implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(OnnxSnippetClassifier.class.getName());

    /** How far a declared probability row may sum from 1 (float32 softmax rounding is ~1e-7 per label). */
    private static final double PROBABILITY_SUM_TOLERANCE = 1e-3;

    private final ModelManifest manifest;
    private final Representation representation;
    private final RepresentationModel model;
    private final Path file;
    private final Options options;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final ExecutionProvider activeProvider;
    private final String inputName;
    private final long[] snippetShape;
    private final int snippetSize;
    private final AtomicBoolean closed = new AtomicBoolean();

    /**
     * How the classifier runs.
     *
     * @param intraOpThreads threads ONNX Runtime may use inside one operator (at least 1); the default
     *                       of 1 suits a one-vCPU Lambda, where parallelism comes from more instances
     * @param provider       where to execute; {@link ExecutionProvider#CUDA} falls back to the CPU
     * @param cudaDeviceId   the GPU to use when the provider is CUDA
     */
    public record Options(int intraOpThreads, ExecutionProvider provider, int cudaDeviceId) {

        public Options {
            if (intraOpThreads < 1) {
                throw new IllegalArgumentException("intraOpThreads must be at least 1, got " + intraOpThreads);
            }
            if (provider == null) {
                throw new IllegalArgumentException("provider must be set (CPU or CUDA)");
            }
            if (cudaDeviceId < 0) {
                throw new IllegalArgumentException("cudaDeviceId must be zero or more, got " + cudaDeviceId);
            }
        }

        /** One thread, CPU. */
        public static Options defaults() {
            return new Options(1, ExecutionProvider.CPU, 0);
        }

        /** These options with another intra-op thread count. */
        public Options withIntraOpThreads(int threads) {
            return new Options(threads, provider, cudaDeviceId);
        }

        /** These options asking for the CUDA provider on the given device. */
        public Options withCuda(int deviceId) {
            return new Options(intraOpThreads, ExecutionProvider.CUDA, deviceId);
        }
    }

    private OnnxSnippetClassifier(ModelManifest manifest, Representation representation, RepresentationModel model,
                                  Path file, Options options, OrtEnvironment environment, OrtSession session,
                                  ExecutionProvider activeProvider, String inputName) {
        this.manifest = manifest;
        this.representation = representation;
        this.model = model;
        this.file = file;
        this.options = options;
        this.environment = environment;
        this.session = session;
        this.activeProvider = activeProvider;
        this.inputName = inputName;
        this.snippetShape = model.snippetShape();
        this.snippetSize = Math.toIntExact(Arrays.stream(snippetShape).reduce(1, Math::multiplyExact));
    }

    /**
     * Loads the model of {@code representation} named by the manifest at {@code manifestJson}. Only
     * this representation's model file needs to be deployed beside the manifest.
     *
     * @throws ModelException if the manifest is unusable, the model file is missing or altered, ONNX
     *                        Runtime cannot load it, or its input or output shape disagrees with the
     *                        manifest
     */
    public static OnnxSnippetClassifier load(Path manifestJson, Representation representation, Options options)
            throws ModelException {
        ModelManifest manifest = ModelManifest.read(manifestJson);
        RepresentationModel model = manifest.model(representation);
        Path file = ModelFiles.verified(ModelFiles.directoryOf(manifestJson), representation.id(), model);
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        OpenedSession opened = open(environment, file, representation, options);
        try {
            String inputName = requireMatchesManifest(opened.session(), file, representation, model,
                    manifest.labels().size());
            return new OnnxSnippetClassifier(manifest, representation, model, file, options, environment,
                    opened.session(), opened.provider(), inputName);
        } catch (ModelException | RuntimeException e) {
            closeAfterFailure(opened.session(), e);
            throw e;
        }
    }

    /** The manifest the model was loaded from; its labels name the columns of every result. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** The representation this classifier scores. */
    public Representation representation() {
        return representation;
    }

    /** The options the classifier was loaded with. */
    public Options options() {
        return options;
    }

    /** Where the model actually runs: CPU when CUDA was asked for but is unavailable. */
    public ExecutionProvider activeProvider() {
        return activeProvider;
    }

    /**
     * Scores a batch of snippets shaped [batch][time][features] (for models whose snippets have
     * two axes).
     *
     * @return [batch][labels] probabilities, each row summing to 1
     * @throws IllegalArgumentException if a snippet's shape differs from the manifest's or a value is
     *                                  not finite
     * @throws ModelException           if ONNX Runtime fails or returns something that is not a
     *                                  distribution over the labels
     */
    public float[][] classify(float[][][] snippets) throws ModelException {
        requireOpen();
        if (snippetShape.length != 2) {
            throw new IllegalArgumentException("the '" + representation.id() + "' model takes snippets shaped "
                    + Arrays.toString(snippetShape) + ", not [time, features]; pass them flattened to"
                    + " classify(float[], int)");
        }
        int time = (int) snippetShape[0];
        int features = (int) snippetShape[1];
        // A direct buffer in native order is handed to ONNX Runtime without another copy.
        FloatBuffer data = ByteBuffer.allocateDirect(batchBytes(snippets.length))
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer();
        for (int i = 0; i < snippets.length; i++) {
            float[][] snippet = snippets[i];
            if (snippet == null || snippet.length != time) {
                throw new IllegalArgumentException("snippet " + i + " has "
                        + (snippet == null ? "no data" : snippet.length + " time steps") + "; the '"
                        + representation.id() + "' model expects " + time + " (snippet shape [time, features] = "
                        + Arrays.toString(snippetShape) + ")");
            }
            for (int t = 0; t < time; t++) {
                float[] row = snippet[t];
                if (row == null || row.length != features) {
                    throw new IllegalArgumentException("snippet " + i + ", time step " + t + " has "
                            + (row == null ? "no data" : row.length + " features") + "; the '"
                            + representation.id() + "' model expects " + features);
                }
                requireFinite(row, i, t);
                data.put(row);
            }
        }
        return run(data.rewind(), snippets.length);
    }

    /**
     * Scores {@code batchSize} snippets stored one after another in row-major order, each shaped as
     * the manifest's input shape without its batch dimension.
     *
     * @return [batch][labels] probabilities, each row summing to 1
     * @throws IllegalArgumentException if the length is not {@code batchSize} snippets or a value is
     *                                  not finite
     * @throws ModelException           if ONNX Runtime fails or returns something that is not a
     *                                  distribution over the labels
     */
    public float[][] classify(float[] snippets, int batchSize) throws ModelException {
        requireOpen();
        if (batchSize < 0) {
            throw new IllegalArgumentException("batchSize must be zero or more, got " + batchSize);
        }
        if (snippets.length != (long) batchSize * snippetSize) {
            throw new IllegalArgumentException("got " + snippets.length + " values for " + batchSize
                    + " snippets; the '" + representation.id() + "' model takes " + snippetSize
                    + " values per snippet (shape " + Arrays.toString(snippetShape) + "), so expected "
                    + (long) batchSize * snippetSize);
        }
        for (int k = 0; k < snippets.length; k++) {
            if (!Float.isFinite(snippets[k])) {
                throw new IllegalArgumentException("value " + k + " (snippet " + k / snippetSize + ") is "
                        + snippets[k] + "; features must be finite");
            }
        }
        return run(FloatBuffer.wrap(snippets), batchSize);
    }

    /** Releases the ONNX Runtime session; later calls to classify fail. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                session.close();
            } catch (OrtException e) {
                // Nothing a caller can do about it; the process is normally ending anyway.
                LOG.log(Level.WARNING, "closing the ONNX Runtime session of " + file + " failed: " + e.getMessage());
            }
        }
    }

    private float[][] run(FloatBuffer data, int batchSize) throws ModelException {
        int labelCount = manifest.labels().size();
        if (batchSize == 0) {
            return new float[0][];
        }
        long[] shape = new long[snippetShape.length + 1];
        shape[0] = batchSize;
        System.arraycopy(snippetShape, 0, shape, 1, snippetShape.length);
        try (OnnxTensor input = OnnxTensor.createTensor(environment, data, shape);
             OrtSession.Result result = session.run(Map.of(inputName, input))) {
            OnnxTensor output = (OnnxTensor) result.get(0);
            long[] outputShape = output.getInfo().getShape();
            if (outputShape.length != 2 || outputShape[0] != batchSize || outputShape[1] != labelCount) {
                throw new ModelException(ModelException.Reason.MODEL_MISMATCH, "model " + file + " returned shape "
                        + Arrays.toString(outputShape) + " for " + batchSize + " snippets; expected ["
                        + batchSize + ", " + labelCount + "] (one score per manifest label)");
            }
            FloatBuffer flat = output.getFloatBuffer();
            float[][] probabilities = new float[batchSize][labelCount];
            for (int i = 0; i < batchSize; i++) {
                flat.get(probabilities[i]);
                toProbabilities(probabilities[i], i);
            }
            return probabilities;
        } catch (OrtException e) {
            throw new ModelException(ModelException.Reason.INFERENCE_FAILED, "ONNX Runtime failed to score "
                    + batchSize + " '" + representation.id() + "' snippets with " + file + ": " + e.getMessage(), e);
        }
    }

    private void toProbabilities(float[] scores, int snippet) throws ModelException {
        for (float score : scores) {
            if (!Float.isFinite(score)) {
                throw new ModelException(ModelException.Reason.INFERENCE_FAILED, "model " + file
                        + " produced a non-finite score for snippet " + snippet + ": " + Arrays.toString(scores));
            }
        }
        if (model.output() == ModelOutput.LOGITS) {
            Softmax.inPlace(scores);
            return;
        }
        double sum = 0;
        boolean negative = false;
        for (float score : scores) {
            sum += score;
            negative |= score < 0;
        }
        if (negative || Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
            throw new ModelException(ModelException.Reason.MODEL_MISMATCH, "the manifest declares that the '"
                    + representation.id() + "' model outputs probabilities, but its scores for snippet " + snippet
                    + " are " + Arrays.toString(scores) + " (sum " + sum + "); if the model emits logits, set"
                    + " its 'output' to \"logits\" in the manifest");
        }
    }

    private int batchBytes(int batchSize) {
        long bytes = (long) batchSize * snippetSize * Float.BYTES;
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a batch of " + batchSize + " snippets needs " + bytes
                    + " bytes; split it into batches of at most " + Integer.MAX_VALUE / ((long) snippetSize * Float.BYTES)
                    + " snippets");
        }
        return (int) bytes;
    }

    private static void requireFinite(float[] row, int snippet, int timeStep) {
        for (int f = 0; f < row.length; f++) {
            if (!Float.isFinite(row[f])) {
                throw new IllegalArgumentException("snippet " + snippet + ", time step " + timeStep + ", feature "
                        + f + " is " + row[f] + "; features must be finite");
            }
        }
    }

    private void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the '" + representation.id() + "' classifier is closed");
        }
    }

    private record OpenedSession(OrtSession session, ExecutionProvider provider) {
    }

    private static OpenedSession open(OrtEnvironment environment, Path file, Representation representation,
                                      Options options) throws ModelException {
        if (options.provider() == ExecutionProvider.CUDA) {
            try {
                return new OpenedSession(createSession(environment, file, options, true), ExecutionProvider.CUDA);
            } catch (OrtException e) {
                LOG.log(Level.WARNING, "CUDA was requested for the '" + representation.id() + "' model but is"
                        + " unavailable (" + e.getMessage() + "); running on the CPU instead. Running on a GPU"
                        + " needs the onnxruntime_gpu artifact, matching CUDA and cuDNN libraries, and a visible"
                        + " device " + options.cudaDeviceId() + ".");
            }
        }
        try {
            return new OpenedSession(createSession(environment, file, options, false), ExecutionProvider.CPU);
        } catch (OrtException e) {
            throw new ModelException(ModelException.Reason.MODEL_UNLOADABLE,
                    "ONNX Runtime cannot load model file " + file + " for '" + representation.id() + "': "
                            + e.getMessage(), e);
        }
    }

    private static OrtSession createSession(OrtEnvironment environment, Path file, Options options, boolean cuda)
            throws OrtException {
        try (OrtSession.SessionOptions sessionOptions = new OrtSession.SessionOptions()) {
            sessionOptions.setIntraOpNumThreads(options.intraOpThreads());
            // Snippet models are a single chain of operators: running branches in parallel gains nothing.
            sessionOptions.setInterOpNumThreads(1);
            sessionOptions.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            sessionOptions.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (cuda) {
                sessionOptions.addCUDA(options.cudaDeviceId());
            }
            return environment.createSession(file.toString(), sessionOptions);
        }
    }

    /** Checks the session's single input and output against the manifest; returns the input's name. */
    private static String requireMatchesManifest(OrtSession session, Path file, Representation representation,
                                                 RepresentationModel model, int labelCount) throws ModelException {
        Map<String, NodeInfo> inputs;
        Map<String, NodeInfo> outputs;
        try {
            inputs = session.getInputInfo();
            outputs = session.getOutputInfo();
        } catch (OrtException e) {
            throw new ModelException(ModelException.Reason.MODEL_UNLOADABLE,
                    "ONNX Runtime cannot describe model file " + file + ": " + e.getMessage(), e);
        }
        if (inputs.size() != 1 || outputs.size() != 1) {
            throw mismatch(file, "has " + inputs.size() + " inputs and " + outputs.size()
                    + " outputs; genreflow feeds one snippet tensor and reads one score tensor");
        }
        NodeInfo input = inputs.values().iterator().next();
        long[] actual = floatTensor(input, file).getShape();
        long[] declared = model.inputShape().stream().mapToLong(Long::longValue).toArray();
        if (!innerDimensionsAccept(actual, declared)) {
            throw mismatch(file, "takes input " + Arrays.toString(actual) + " but the manifest declares inputShape "
                    + Arrays.toString(declared) + " for '" + representation.id()
                    + "'; deploy the model the manifest was written for, or correct the manifest");
        }
        if (actual[0] != -1) {
            throw mismatch(file, "takes a fixed batch of " + actual[0] + " snippets; export it with a dynamic"
                    + " batch axis (first dimension -1) so any batch size can be scored");
        }
        long[] output = floatTensor(outputs.values().iterator().next(), file).getShape();
        if (output.length != 2 || (output[1] != -1 && output[1] != labelCount)) {
            throw mismatch(file, "outputs shape " + Arrays.toString(output) + " but the manifest lists "
                    + labelCount + " labels, so it must output [-1, " + labelCount + "]; deploy the model the"
                    + " manifest was written for, or correct its labels");
        }
        return input.getName();
    }

    /** Same rank, and every non-batch dimension equal (or left dynamic by the model). */
    private static boolean innerDimensionsAccept(long[] actual, long[] declared) {
        if (actual.length != declared.length) {
            return false;
        }
        for (int d = 1; d < actual.length; d++) {
            if (actual[d] != -1 && actual[d] != declared[d]) {
                return false;
            }
        }
        return true;
    }

    private static TensorInfo floatTensor(NodeInfo node, Path file) throws ModelException {
        if (node.getInfo() instanceof TensorInfo tensor && tensor.type == OnnxJavaType.FLOAT) {
            return tensor;
        }
        throw mismatch(file, "has '" + node.getName() + "' of type " + node.getInfo()
                + "; genreflow exchanges float32 tensors with models");
    }

    private static ModelException mismatch(Path file, String problem) {
        return new ModelException(ModelException.Reason.MODEL_MISMATCH, "model file " + file + " " + problem);
    }

    private static void closeAfterFailure(OrtSession session, Exception failure) {
        try {
            session.close();
        } catch (OrtException e) {
            failure.addSuppressed(e);
        }
    }
}
