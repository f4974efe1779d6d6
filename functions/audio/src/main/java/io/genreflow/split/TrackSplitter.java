package io.genreflow.split;

import io.genreflow.audio.AudioDecodeException;
import io.genreflow.audio.AudioDecodeException.Reason;
import io.genreflow.audio.AudioDecoder;
import io.genreflow.audio.MonoAudioStream;
import io.genreflow.audio.ResamplingStream;
import io.genreflow.contracts.AudioInfo;
import io.genreflow.contracts.SourceFormat;
import io.genreflow.energy.EnergyAnalyzer;
import io.genreflow.energy.EnergyScore;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.snippets.LevelTracker;
import io.genreflow.snippets.SnippetPlanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Objects;

/**
 * The splitter stage: decodes an upload, mixes it to mono and resamples it to the model's rate
 * once, and in that single pass hands every block to the {@link PcmSink}, to the snippet level
 * tracker and to the energy analyzer. Memory stays fixed whatever the track's length (the sink
 * decides what it keeps).
 *
 * <p>Holds only configuration, so one instance may split several uploads at once.
 */
public final class TrackSplitter {

    private static final int BLOCK_SAMPLES = 1 << 14;

    private final ModelManifest manifest;
    private final SplitLimits limits;

    /** A splitter producing what the manifest's models need, refusing uploads beyond {@code limits}. */
    public TrackSplitter(ModelManifest manifest, SplitLimits limits) {
        this.manifest = Objects.requireNonNull(manifest, "manifest");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Splits one upload, reading {@code in} to its end; closing {@code in} stays the caller's job.
     *
     * @param pcm receives the decoded track at the model's sample rate, block by block
     * @throws AudioDecodeException when the bytes are not usable audio, including
     *                              {@link Reason#TOO_LONG} beyond the limits and
     *                              {@link Reason#NO_AUDIO} for audio without samples
     * @throws IOException          when reading {@code in} or writing {@code pcm} fails
     */
    public SplitResult split(InputStream in, PcmSink pcm) throws IOException {
        ByteLimit limited = new ByteLimit(in, limits.maxBytes());
        MonoAudioStream decoded;
        try {
            decoded = AudioDecoder.open(limited);
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded()) {
                throw tooLarge(null, e);
            }
            throw e;
        }
        try (MonoAudioStream audio = new ResamplingStream(decoded, manifest.sampleRate())) {
            return split(decoded, audio, limited, pcm);
        } catch (IOException | RuntimeException e) {
            if (limited.exceeded()) {
                throw tooLarge(decoded.format(), e);
            }
            throw e;
        }
    }

    private SplitResult split(MonoAudioStream decoded, MonoAudioStream audio, ByteLimit in, PcmSink pcm)
            throws IOException {
        int sampleRate = audio.sampleRate();
        long maxSamples = limits.maxSamples(sampleRate);
        if (audio.declaredLength() > maxSamples) {
            throw tooLong(decoded.format(), " (its header announces " + duration(audio.declaredLength()) + ")");
        }
        LevelTracker levels = new LevelTracker(manifest.snippets(), sampleRate, manifest.features().snippetGrid());
        EnergyAnalyzer energy = new EnergyAnalyzer(manifest.features());
        float[] block = new float[BLOCK_SAMPLES];
        long total = 0;
        for (int n; (n = audio.read(block, 0, block.length)) >= 0; ) {
            total += n;
            if (total > maxSamples) {
                throw tooLong(decoded.format(), "");
            }
            pcm.accept(block, 0, n);
            levels.accept(block, 0, n);
            energy.accept(block, 0, n);
        }
        if (total == 0) {
            throw new AudioDecodeException(Reason.NO_AUDIO, decoded.format(),
                    "the file holds no audio samples (zero length)");
        }
        // Trailing tags and chunks are part of the upload too: its size and limit count them.
        in.transferTo(OutputStream.nullOutputStream());
        AudioInfo info = AudioInfo.of(decoded.format(), decoded.sourceChannels(), decoded.sampleRate(), sampleRate,
                total);
        return new SplitResult(info, SnippetPlanner.plan(levels), EnergyScore.of(energy.finish()), in.count());
    }

    private AudioDecodeException tooLarge(SourceFormat format, Exception stoppedBy) {
        return new AudioDecodeException(Reason.TOO_LONG, format, String.format(Locale.ROOT,
                "the file is larger than the limit of %d bytes (%.1f MiB)", limits.maxBytes(),
                limits.maxBytes() / (1024.0 * 1024.0)), stoppedBy);
    }

    private AudioDecodeException tooLong(SourceFormat format, String detail) {
        return new AudioDecodeException(Reason.TOO_LONG, format, String.format(Locale.ROOT,
                "the audio is longer than the limit of %s%s", seconds(limits.maxDurationSeconds()), detail));
    }

    private String duration(long samples) {
        return seconds((double) samples / manifest.sampleRate());
    }

    private static String seconds(double seconds) {
        String text = String.format(Locale.ROOT, "%.1f s", seconds);
        return seconds < 60 ? text : text + String.format(Locale.ROOT, " (%.1f min)", seconds / 60);
    }
}
