package io.genreflow.training.prepare;

import io.genreflow.manifest.FeatureParams;
import io.genreflow.contracts.Representation;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.training.augment.Augmentation;
import io.genreflow.training.augment.OriginalAudio;
import io.genreflow.training.split.SplitParams;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything that decides what a prepared dataset holds. Two runs with equal settings on the same
 * tracks write identical files, whatever the thread count.
 *
 * @param features        parameters of the representations (the model's sample rate among them)
 * @param snippets        snippet length, hop and silence threshold
 * @param splits          seed, split fractions and fold count
 * @param groupColumn     name of the input column whose groups stay together, or null
 * @param augmentations   the variants to prepare; the original audio comes first
 * @param representations the representations to compute, in {@link Representation} order
 * @param tracksPerShard  consecutive tracks that share one shard file
 * @param maxTrackSeconds tracks longer than this are skipped rather than held in memory
 */
public record PrepareSettings(
        FeatureParams features,
        SnippetParams snippets,
        SplitParams splits,
        String groupColumn,
        List<Augmentation> augmentations,
        List<Representation> representations,
        int tracksPerShard,
        double maxTrackSeconds) {

    /** Tracks per shard unless told otherwise: small enough for even spectrogram shards to stay manageable. */
    public static final int DEFAULT_TRACKS_PER_SHARD = 8;

    /** Longest track accepted unless told otherwise, in seconds (ten minutes). */
    public static final double DEFAULT_MAX_TRACK_SECONDS = 600;

    /** Most samples a track may have: it is held in one array. */
    private static final long MAX_TRACK_SAMPLES = Integer.MAX_VALUE - 16;

    public PrepareSettings {
        Objects.requireNonNull(features, "features");
        Objects.requireNonNull(snippets, "snippets");
        Objects.requireNonNull(splits, "splits");
        augmentations = withOriginalFirst(augmentations);
        EnumSet<Representation> chosen = EnumSet.noneOf(Representation.class);
        chosen.addAll(representations);
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one representation");
        }
        representations = List.copyOf(chosen);
        if (tracksPerShard < 1) {
            throw new IllegalArgumentException("tracks per shard must be at least 1, got " + tracksPerShard);
        }
        if (!(maxTrackSeconds > 0) || maxTrackSeconds * features.sampleRate() > MAX_TRACK_SAMPLES) {
            throw new IllegalArgumentException("the longest track must be a positive number of seconds up to "
                    + MAX_TRACK_SAMPLES / features.sampleRate() + " (one array's worth of samples), got " + maxTrackSeconds);
        }
        if (snippets.snippetSamples(features.sampleRate()) < features.nFft()) {
            throw new IllegalArgumentException("a snippet of " + snippets.snippetSeconds() + " s is shorter than one FFT window ("
                    + features.nFft() + " samples at " + features.sampleRate() + " Hz)");
        }
    }

    /** Longest track accepted, in samples at the model's rate. */
    public long maxTrackSamples() {
        return (long) Math.ceil(maxTrackSeconds * features.sampleRate());
    }

    /** Augmentation names in order. */
    public List<String> augmentationNames() {
        return augmentations.stream().map(Augmentation::name).toList();
    }

    private static List<Augmentation> withOriginalFirst(List<Augmentation> requested) {
        Set<String> names = new HashSet<>();
        List<Augmentation> ordered = new ArrayList<>();
        ordered.add(new OriginalAudio());
        names.add(new OriginalAudio().name());
        for (Augmentation augmentation : requested) {
            if (augmentation instanceof OriginalAudio) {
                continue;
            }
            if (!names.add(augmentation.name())) {
                throw new IllegalArgumentException("augmentation " + augmentation.name() + " is listed twice");
            }
            ordered.add(augmentation);
        }
        return List.copyOf(ordered);
    }
}
