package io.genreflow.training.prepare;

import io.genreflow.audio.AudioDecoder;
import io.genreflow.audio.MonoAudioStream;
import io.genreflow.audio.ResamplingStream;
import io.genreflow.contracts.Representation;
import io.genreflow.features.FeatureSetExtractor;
import io.genreflow.pcm.PcmRange;
import io.genreflow.snippets.Snippet;
import io.genreflow.snippets.SnippetPlan;
import io.genreflow.snippets.SnippetPlanner;
import io.genreflow.training.augment.Augmentation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Turns one track into snippet rows, exactly as serving sees it: decoded with {@link AudioDecoder},
 * resampled to the model's rate with {@link ResamplingStream}, cut by {@link SnippetPlanner}, and
 * each snippet's representations computed by one shared {@link FeatureSetExtractor}; then the same
 * for every augmented variant of the decoded audio. One instance per thread (the extractor is not
 * thread-safe); one track in memory at a time.
 */
final class TrackPreparer {

    private static final int READ_BLOCK = 1 << 16;

    private final PrepareSettings settings;
    private final FeatureSetExtractor extractor;
    private final int sampleRate;

    TrackPreparer(PrepareSettings settings) {
        this.settings = settings;
        this.extractor = FeatureSetExtractor.of(EnumSet.copyOf(settings.representations()), settings.features());
        this.sampleRate = settings.features().sampleRate();
    }

    /** {@code {steps, features}} of a row of each representation. */
    static Map<Representation, int[]> rowShapes(PrepareSettings settings) {
        FeatureSetExtractor extractor = FeatureSetExtractor.of(EnumSet.copyOf(settings.representations()),
                settings.features());
        int snippetSamples = settings.snippets().snippetSamples(settings.features().sampleRate());
        Map<Representation, int[]> shapes = new EnumMap<>(Representation.class);
        for (Representation representation : settings.representations()) {
            shapes.put(representation, extractor.shape(representation, snippetSamples));
        }
        return shapes;
    }

    /**
     * Prepares track {@code index} into {@code shard}; a track that cannot be decoded (or is too
     * long, or empty) writes nothing and comes back skipped with the reason.
     *
     * @throws IOException only when writing the shard fails
     */
    TrackOutcome prepare(int index, InputTrack track, ShardWriter shard) throws IOException {
        float[] audio;
        try {
            audio = decode(track);
        } catch (SkippedTrackException e) {
            return TrackOutcome.skipped(index, e.getMessage());
        }
        List<TrackOutcome.Row> rows = new ArrayList<>();
        for (Augmentation augmentation : settings.augmentations()) {
            float[] signal = augmentation.apply(audio, sampleRate, augmentation.randomFor(settings.splits().seed(), track.id()));
            SnippetPlan plan = SnippetPlanner.plan(settings.snippets(), sampleRate, settings.features().snippetGrid(), signal);
            long[] starts = plan.snippets().stream().mapToLong(Snippet::startSample).toArray();
            List<Map<Representation, float[][]>> features =
                    extractor.extract(PcmRange.whole(signal), starts, plan.snippetSamples());
            for (int i = 0; i < plan.snippets().size(); i++) {
                shard.write(features.get(i));
                rows.add(new TrackOutcome.Row(augmentation.name(), plan.snippets().get(i).startSample(),
                        plan.snippets().get(i).silent()));
            }
        }
        return TrackOutcome.prepared(index, (double) audio.length / sampleRate, rows);
    }

    /** The whole track, mono at the model's rate; refuses one over the length limit before holding it. */
    private float[] decode(InputTrack track) throws SkippedTrackException {
        long limit = settings.maxTrackSamples();
        try (InputStream in = Files.newInputStream(track.file());
                MonoAudioStream audio = new ResamplingStream(AudioDecoder.open(in), sampleRate)) {
            long declared = audio.declaredLength();
            if (declared > limit) {
                throw tooLong();
            }
            // One sample more than announced, so that the end is seen without growing the array.
            float[] samples = new float[(int) Math.min(limit + 1, declared >= 0 ? declared + 1 : READ_BLOCK)];
            int length = 0;
            for (int read; (read = audio.read(samples, length, samples.length - length)) >= 0; ) {
                length += read;
                if (length > limit) {
                    throw tooLong();
                }
                if (length == samples.length) {
                    samples = Arrays.copyOf(samples, (int) Math.min(limit + 1, 2L * length));
                }
            }
            if (length == 0) {
                throw new SkippedTrackException("the file decodes to no samples");
            }
            return Arrays.copyOf(samples, length);
        } catch (IOException | IllegalArgumentException e) {
            // AudioDecodeException (an IOException) carries the decoder's explanation; others are read failures.
            throw new SkippedTrackException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private SkippedTrackException tooLong() {
        return new SkippedTrackException("the track is longer than " + settings.maxTrackSeconds()
                + " s, the limit set by --max-track-seconds");
    }

    /** A track that cannot be prepared; the message says why. */
    private static final class SkippedTrackException extends Exception {
        SkippedTrackException(String message) {
            super(message);
        }
    }
}
