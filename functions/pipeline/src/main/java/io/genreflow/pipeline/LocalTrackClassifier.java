package io.genreflow.pipeline;

import io.genreflow.pcm.PcmBuffer;
import io.genreflow.scoring.SnippetScorer;
import io.genreflow.split.SplitLimits;
import io.genreflow.split.SplitResult;
import io.genreflow.split.TrackSplitter;
import io.genreflow.verdict.VerdictAssembler;

import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Representation;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Classifies audio files on this machine, with no cloud service: the splitter, one scorer per
 * representation of the manifest and the verdict assembler, composed in-process. Every number in
 * the verdict is computed by the same stage code the serverless functions run; only the storage
 * between the stages differs (the track is held in a {@link PcmBuffer} instead of an S3 object).
 *
 * <p>A local file is described as if uploaded to the pseudo-bucket {@value #LOCAL_BUCKET} under
 * its name, with the MD5 of its bytes as the ETag (what S3 reports for a single-part upload), so
 * the same file under the same name always gets the same track id.
 *
 * <p>Thread-safe: several files may be classified at once. Close it to release the models.
 */
public final class LocalTrackClassifier implements AutoCloseable {

    /** The bucket name local verdicts give as their source. */
    public static final String LOCAL_BUCKET = "local";

    private final ModelManifest manifest;
    private final Settings settings;
    private final Clock clock;
    private final TrackSplitter splitter;
    private final List<OnnxSnippetClassifier> classifiers;
    private final List<SnippetScorer> scorers;
    private final VerdictAssembler assembler;

    /**
     * How local classification runs.
     *
     * @param limits         the largest and longest file accepted
     * @param batchSize      snippets per model run
     * @param topK           labels ranked in each verdict
     * @param intraOpThreads ONNX Runtime threads per model run
     */
    public record Settings(SplitLimits limits, int batchSize, int topK, int intraOpThreads) {

        public Settings {
            Objects.requireNonNull(limits, "limits");
            if (batchSize < 1 || topK < 1 || intraOpThreads < 1) {
                throw new IllegalArgumentException("batch size, top-k and threads must be at least 1, got "
                        + batchSize + ", " + topK + " and " + intraOpThreads);
            }
        }

        /** Default limits, batch size, top-k and ONNX threads, the functions' defaults. */
        public static Settings defaults() {
            return new Settings(SplitLimits.defaults(), SnippetScorer.DEFAULT_BATCH_SIZE, VerdictAssembler.DEFAULT_TOP_K,
                    OnnxSnippetClassifier.Options.defaults().intraOpThreads());
        }

        /** These settings ranking {@code k} labels. */
        public Settings withTopK(int k) {
            return new Settings(limits, batchSize, k, intraOpThreads);
        }
    }

    private LocalTrackClassifier(ModelManifest manifest, Settings settings, Clock clock,
                                 List<OnnxSnippetClassifier> classifiers, List<SnippetScorer> scorers) {
        this.manifest = manifest;
        this.settings = settings;
        this.clock = clock;
        this.splitter = new TrackSplitter(manifest, settings.limits());
        this.classifiers = classifiers;
        this.scorers = scorers;
        this.assembler = new VerdictAssembler(manifest, settings.topK());
    }

    /**
     * Loads every model the manifest names.
     *
     * @param clock dates the verdicts
     * @throws ModelException when the manifest or a model is missing, altered or inconsistent
     */
    public static LocalTrackClassifier load(Path manifestJson, Settings settings, Clock clock) throws ModelException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        ModelManifest manifest = ModelManifest.load(manifestJson);
        OnnxSnippetClassifier.Options options = OnnxSnippetClassifier.Options.defaults()
                .withIntraOpThreads(settings.intraOpThreads());
        List<OnnxSnippetClassifier> classifiers = new ArrayList<>();
        List<SnippetScorer> scorers = new ArrayList<>();
        try {
            for (String id : manifest.representations().keySet()) {
                OnnxSnippetClassifier classifier = OnnxSnippetClassifier.load(manifestJson, Representation.fromId(id),
                        options);
                classifiers.add(classifier);
                scorers.add(new SnippetScorer(classifier, settings.batchSize()));
            }
        } catch (ModelException | RuntimeException e) {
            classifiers.forEach(OnnxSnippetClassifier::close);
            throw e;
        }
        return new LocalTrackClassifier(manifest, settings, clock, List.copyOf(classifiers), List.copyOf(scorers));
    }

    /** The models' manifest. */
    public ModelManifest manifest() {
        return manifest;
    }

    /** Classifies the file at {@code file}, named by its file name. */
    public LocalClassification classify(Path file) throws IOException, ModelException {
        try (InputStream in = Files.newInputStream(file)) {
            return classify(in, file.getFileName().toString());
        }
    }

    /**
     * Classifies one file's bytes.
     *
     * @param in   the file's bytes, read to the end; closing it stays the caller's job
     * @param name the file's name, which its verdict records (an upload name: no control
     *             characters, no empty, "." or ".." path segments)
     * @throws io.genreflow.audio.AudioDecodeException when the bytes are not usable audio
     * @throws ModelException                          when a model fails
     * @throws io.genreflow.verdict.NoVerdictException when no representation the ensemble relies on
     *                                                 produced scores
     */
    public LocalClassification classify(InputStream in, String name) throws IOException, ModelException {
        String key = S3Keys.upload(name);
        Instant started = clock.instant();
        Map<String, Long> timingsMs = new LinkedHashMap<>();
        MessageDigest md5 = md5();
        PcmBuffer pcm = new PcmBuffer();
        long splitStart = System.nanoTime();
        SplitResult split = splitter.split(new DigestInputStream(in, md5), pcm);
        timingsMs.put("split", millisSince(splitStart));

        long[] starts = split.snippetStarts();
        Map<String, float[][]> probabilities = new LinkedHashMap<>();
        Map<String, Integer> batches = new LinkedHashMap<>();
        for (SnippetScorer scorer : scorers) {
            String id = scorer.representation().id();
            long scoreStart = System.nanoTime();
            probabilities.put(id, scorer.score(pcm, starts));
            timingsMs.put("classify." + id, millisSince(scoreStart));
            batches.put(id, Math.ceilDiv(starts.length, settings.batchSize()));
        }

        SourceObject source = new SourceObject(LOCAL_BUCKET, key, null, HexFormat.of().formatHex(md5.digest()),
                split.sourceBytes(), null);
        Instant now = clock.instant();
        TrackRecord track = TrackRecord.splitting(source, manifest.modelVersion(), started)
                .withClassifying(split.audio(), split.plan(), batches, split.energy(), now);
        Verdict verdict = assembler.assemble(track, probabilities, timingsMs, now);
        return new LocalClassification(track.withDone(now), verdict);
    }

    /** Releases every model. */
    @Override
    public void close() {
        classifiers.forEach(OnnxSnippetClassifier::close);
    }

    private static long millisSince(long nanoStart) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoStart);
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides MD5", e);
        }
    }
}
