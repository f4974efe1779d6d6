package io.genreflow.training.prepare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A tiny labelled dataset in the GTZAN folder layout: three labels whose audio a model could tell
 * apart (a low harmonic drone, noise bursts, a high vibrato tone), five tracks each of 3.2 to 3.8
 * seconds at varying rates and channel counts, one track that falls silent, one broken file and
 * one file that is not audio.
 */
final class SyntheticDataset {

    static final List<String> LABELS = List.of("bass", "hiss", "tone");
    static final int TRACKS_PER_LABEL = 5;
    static final String BROKEN = "hiss/broken.wav";
    /** The track whose audio stops after half a second: its last snippets are silent. */
    static final String FADING = "tone/tone-4.wav";

    private static final int[] RATES = {22050, 44100, 32000};

    private SyntheticDataset() {
    }

    /** Writes the dataset into {@code root} and returns the relative paths of the audio tracks, in track order. */
    static List<String> write(Path root) throws IOException {
        List<String> paths = new ArrayList<>();
        for (int label = 0; label < LABELS.size(); label++) {
            for (int track = 0; track < TRACKS_PER_LABEL; track++) {
                String path = LABELS.get(label) + "/" + LABELS.get(label) + "-" + track + ".wav";
                int rate = RATES[(label + track) % RATES.length];
                double seconds = 3.2 + 0.15 * track;
                Random random = new Random(label * 100 + track);
                float[] samples = signal(label, rate, (int) (seconds * rate), random);
                if (path.equals(FADING)) {
                    for (int i = (int) (0.5 * rate); i < samples.length; i++) {
                        samples[i] = 0;
                    }
                }
                TestWav.write(root.resolve(path), samples, rate, 1 + track % 2);
                paths.add(path);
            }
        }
        Path broken = root.resolve(BROKEN);
        Files.write(broken, ("RIFF\u0024\0\0\0WAVEfmt " + "x".repeat(40)).getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(root.resolve("bass/notes.txt"), "not audio, ignored");
        paths.add(paths.indexOf("hiss/hiss-0.wav"), BROKEN);
        return paths;
    }

    private static float[] signal(int label, int rate, int length, Random random) {
        float[] samples = new float[length];
        double base = switch (label) {
            case 0 -> 80 + 40 * random.nextDouble();
            case 2 -> 2000 + 1000 * random.nextDouble();
            default -> 0;
        };
        for (int i = 0; i < length; i++) {
            double t = (double) i / rate;
            double value = switch (label) {
                case 0 -> 0.3 * Math.sin(2 * Math.PI * base * t) + 0.15 * Math.sin(4 * Math.PI * base * t + 1)
                        + 0.1 * Math.sin(6 * Math.PI * base * t + 2);
                case 1 -> (0.2 + 0.15 * Math.sin(2 * Math.PI * 3 * t)) * random.nextGaussian() * 0.5;
                default -> 0.4 * Math.sin(2 * Math.PI * (base * t + 20 * Math.sin(2 * Math.PI * 5 * t) / (2 * Math.PI * 5)));
            };
            samples[i] = (float) (value + 0.003 * random.nextGaussian());
        }
        return samples;
    }
}
