package io.genreflow.training.evaluate;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.genreflow.contracts.Representation;
import io.genreflow.json.Json;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.Normalisation;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.training.augment.Augmentation;
import io.genreflow.training.prepare.Preparation;
import io.genreflow.training.prepare.PrepareSettings;
import io.genreflow.training.prepare.Progress;
import io.genreflow.training.prepare.TrackListReader;
import io.genreflow.training.split.SplitParams;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * A tiny prepared dataset and trainer run folders to package and evaluate, made with the training
 * module's own prepare code. Its parameters match the models written by
 * src/test/fixtures-src/make-evaluation-models.py: three labels (a low drone, noise, a high vibrato
 * tone) at 8000 Hz, 1-s snippets every 0.5 s, FFT 512, hop 256, 16 mel bands; the original audio
 * and two sped-up variants; logmel, spectrogram and chroma.
 */
public final class TinyModelSet {

    public static final List<String> LABELS = List.of("bass", "hiss", "tone");
    public static final FeatureParams FEATURES = new FeatureParams(8000, 512, 256, 16, 0.0, 4000.0, 12, 80.0, 256, 256, FeatureParams.Framing.TRACK);
    public static final SnippetParams SNIPPETS = new SnippetParams(1.0, 0.5, -60.0);
    public static final SplitParams SPLITS = new SplitParams(7, 0.3, 0.3, 3);
    public static final int TRACKS_PER_LABEL = 7;
    /** The track whose audio stops after 0.4 s, so its later snippets are flagged silent. */
    public static final String FADING = "tone/tone-3.wav";

    private static final Path MODELS = Path.of("src/test/resources/evaluation-models").toAbsolutePath();

    private TinyModelSet() {
    }

    /** Writes the audio into {@code folder/audio}, prepares it into {@code folder/dataset} and returns that. */
    public static Path prepare(Path folder) throws Exception {
        Path audio = folder.resolve("audio");
        for (int label = 0; label < LABELS.size(); label++) {
            for (int track = 0; track < TRACKS_PER_LABEL; track++) {
                String path = LABELS.get(label) + "/" + LABELS.get(label) + "-" + track + ".wav";
                Random random = new Random(31L * label + track);
                float[] samples = signal(label, (int) ((2.5 + 0.15 * track) * FEATURES.sampleRate()), random);
                if (path.equals(FADING)) {
                    Arrays.fill(samples, (int) (0.4 * FEATURES.sampleRate()), samples.length, 0f);
                }
                writeWav(audio.resolve(path), samples);
            }
        }
        Path dataset = folder.resolve("dataset");
        PrepareSettings settings = new PrepareSettings(FEATURES, SNIPPETS, SPLITS, null,
                List.of(Augmentation.named("speed-1.1"), Augmentation.named("speed-1.25")),
                List.of(Representation.LOGMEL, Representation.SPECTROGRAM, Representation.CHROMA), 4,
                PrepareSettings.DEFAULT_MAX_TRACK_SECONDS);
        Preparation.run(TrackListReader.fromFolder(audio), settings, dataset, 2,
                new Progress(new PrintStream(OutputStream.nullOutputStream()), System::nanoTime));
        return dataset;
    }

    /**
     * Writes a finished trainer run: a copy of one of the fixture models and the metrics.json the
     * Python trainer would write for it, with the given validation figures.
     *
     * @param model one of the files written by make-evaluation-models.py, e.g. {@code logmel-bands.onnx}
     */
    public static Path run(Path folder, String model, Representation representation, String architecture,
                           double trackBalancedAccuracy, double snippetBalancedAccuracy) throws IOException {
        Files.createDirectories(folder);
        Path copy = folder.resolve("model.onnx");
        Files.copy(MODELS.resolve(model), copy);
        ObjectNode metrics = Json.mapper().createObjectNode();
        metrics.put("schemaVersion", 1);
        metrics.put("representation", representation.id());
        metrics.put("architecture", architecture);
        metrics.put("parameters", 51);
        metrics.set("labels", Json.mapper().valueToTree(LABELS));
        ArrayNode shape = metrics.putArray("inputShape");
        shape.add(32).add(switch (representation) {
            case LOGMEL -> FEATURES.nMels();
            case SPECTROGRAM -> FEATURES.nFft() / 2 + 1;
            case CHROMA -> FEATURES.nChroma();
            case WAVEFORM -> throw new IllegalArgumentException("the fixture has no waveform model");
        });
        metrics.put("output", "logits");
        metrics.putObject("onnx").put("file", "model.onnx").put("sha256", sha256(Files.readAllBytes(copy)));
        ObjectNode validation = metrics.putObject("validation");
        validation.put("loss", 0.9);
        validation.putObject("snippet").put("accuracy", snippetBalancedAccuracy + 0.05)
                .put("balancedAccuracy", snippetBalancedAccuracy).put("macroF1", snippetBalancedAccuracy - 0.05);
        validation.putObject("track").put("accuracy", trackBalancedAccuracy + 0.05)
                .put("balancedAccuracy", trackBalancedAccuracy).put("macroF1", trackBalancedAccuracy - 0.05);
        metrics.set("normalisation", Json.mapper().valueToTree(normalisation(representation)));
        metrics.set("features", Json.mapper().valueToTree(FEATURES));
        metrics.putObject("snippet").put("lengthSeconds", SNIPPETS.snippetSeconds())
                .put("hopSeconds", SNIPPETS.hopSeconds()).put("silenceThresholdDbfs", SNIPPETS.silenceThresholdDbfs());
        Files.writeString(folder.resolve("metrics.json"), Json.mapper().writeValueAsString(metrics));
        return folder;
    }

    /** The statistics a run claims to have normalised with: rough scales of each representation. */
    public static Normalisation normalisation(Representation representation) {
        return switch (representation) {
            case LOGMEL -> Normalisation.scalar(-40, 20);
            case SPECTROGRAM -> Normalisation.scalar(-20, 25);
            default -> Normalisation.scalar(0.5, 0.3);
        };
    }

    /** The fixture model file {@code name}. */
    public static Path model(String name) {
        return MODELS.resolve(name);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static float[] signal(int label, int length, Random random) {
        int rate = FEATURES.sampleRate();
        double low = 80 + 40 * random.nextDouble();
        double high = 2000 + 800 * random.nextDouble();
        float[] samples = new float[length];
        for (int i = 0; i < length; i++) {
            double t = (double) i / rate;
            double value = switch (label) {
                case 0 -> 0.3 * Math.sin(2 * Math.PI * low * t) + 0.15 * Math.sin(4 * Math.PI * low * t + 1);
                case 1 -> 0.2 * random.nextGaussian();
                default -> 0.4 * Math.sin(2 * Math.PI * high * t + 3 * Math.sin(2 * Math.PI * 5 * t));
            };
            samples[i] = (float) (value + 0.002 * random.nextGaussian());
        }
        return samples;
    }

    private static void writeWav(Path file, float[] samples) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : samples) {
            bytes.putShort((short) Math.round(Math.max(-1, Math.min(1, sample)) * 32767));
        }
        AudioFormat format = new AudioFormat(FEATURES.sampleRate(), 16, 1, true, false);
        Files.createDirectories(file.getParent());
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format,
                samples.length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, file.toFile());
        }
    }
}
