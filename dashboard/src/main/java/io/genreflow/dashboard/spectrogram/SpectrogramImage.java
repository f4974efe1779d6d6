package io.genreflow.dashboard.spectrogram;

import io.genreflow.contracts.Representation;
import io.genreflow.features.FeatureExtractor;
import io.genreflow.manifest.FeatureParams;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A track's log-mel spectrogram as a PNG, drawn from the same feature code the classifier runs:
 * the track is cut into consecutive 3-second pieces, each becomes log-mel frames, and the frames
 * are pooled (maximum) into at most {@value #MAX_WIDTH} columns; low frequencies at the bottom,
 * louder brighter. A long track keeps only every n-th piece, which bounds memory and time (a
 * 1000-pixel image cannot show more anyway). Feed it samples in order, then call {@link #png()}.
 */
public final class SpectrogramImage {

    /** The widest image drawn, in pixels (one column per pooled frame group). */
    public static final int MAX_WIDTH = 1000;
    /** Gradient stops from quiet to loud: dark blue, teal, green, yellow. */
    private static final int[][] STOPS = {{13, 8, 135}, {40, 120, 142}, {53, 183, 121}, {180, 222, 44}, {253, 231, 37}};

    private final FeatureExtractor extractor = FeatureExtractor.create(Representation.LOGMEL, FeatureParams.defaults());
    private final int pieceSamples;
    private final int everyNth;
    private final float[] piece;
    private int filled;
    private long pieces;
    private final List<float[]> frames = new ArrayList<>();

    /** An image of audio at {@code sampleRate} drawn from every {@code everyNth} 3-second piece. */
    public SpectrogramImage(int sampleRate, int everyNth) {
        if (everyNth < 1) {
            throw new IllegalArgumentException("everyNth must be at least 1, got " + everyNth);
        }
        this.pieceSamples = 3 * sampleRate;
        this.everyNth = everyNth;
        this.piece = new float[pieceSamples];
    }

    /** The piece stride for a track of {@code seconds}: every piece up to 10 minutes, fewer beyond. */
    public static int strideFor(double seconds) {
        return Math.max(1, (int) Math.ceil(seconds / 600));
    }

    /** Adds the next samples of the track. */
    public void add(float[] samples, int count) {
        for (int i = 0; i < count; i++) {
            piece[filled++] = samples[i];
            if (filled == pieceSamples) {
                flush();
            }
        }
    }

    /** The image so far as PNG bytes. */
    public byte[] png() {
        if (filled > 0) {
            flush();
        }
        if (frames.isEmpty()) {
            throw new IllegalStateException("no samples were added");
        }
        int bands = frames.getFirst().length;
        int width = Math.min(MAX_WIDTH, frames.size());
        float[][] columns = new float[width][bands];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int x = 0; x < width; x++) {
            int from = (int) ((long) x * frames.size() / width);
            int to = Math.max(from + 1, (int) ((long) (x + 1) * frames.size() / width));
            Arrays.fill(columns[x], Float.NEGATIVE_INFINITY);
            for (int f = from; f < to; f++) {
                for (int b = 0; b < bands; b++) {
                    columns[x][b] = Math.max(columns[x][b], frames.get(f)[b]);
                }
            }
            for (float v : columns[x]) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        BufferedImage image = new BufferedImage(width, bands, BufferedImage.TYPE_INT_RGB);
        float range = Math.max(1e-6f, max - min);
        for (int x = 0; x < width; x++) {
            for (int b = 0; b < bands; b++) {
                image.setRGB(x, bands - 1 - b, colour((columns[x][b] - min) / range));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the spectrogram", e);
        }
        return out.toByteArray();
    }

    private void flush() {
        float[] samples = filled == pieceSamples ? piece : Arrays.copyOf(piece, filled);
        // A piece shorter than one FFT window (the track's last few milliseconds) adds nothing visible.
        if (pieces++ % everyNth == 0 && samples.length >= FeatureParams.defaults().nFft()) {
            frames.addAll(List.of(extractor.extract(samples)));
        }
        filled = 0;
    }

    /** A colour on the gradient for {@code level} in [0, 1]. */
    static int colour(float level) {
        double position = Math.max(0, Math.min(1, level)) * (STOPS.length - 1);
        int low = Math.min(STOPS.length - 2, (int) position);
        double t = position - low;
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            int value = (int) Math.round(STOPS[low][channel] + t * (STOPS[low + 1][channel] - STOPS[low][channel]));
            rgb = rgb << 8 | value;
        }
        return rgb;
    }
}
