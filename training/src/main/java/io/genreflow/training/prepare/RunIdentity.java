package io.genreflow.training.prepare;

import io.genreflow.manifest.FeatureParams;
import io.genreflow.contracts.Representation;
import io.genreflow.snippets.SnippetParams;
import io.genreflow.training.dataset.DatasetLayout;
import io.genreflow.training.split.SplitParams;
import java.util.List;

/**
 * What a prepare run was asked to do, stored as {@code .prepare/run.json} in the output folder:
 * a later run may only continue the folder when it is asked for exactly the same.
 *
 * @param schemaVersion   the dataset format version written
 * @param tracksDigest    {@link TrackList#digest()} of the input
 * @param tracks          number of input tracks
 * @param features        representation parameters
 * @param snippets        snippet parameters
 * @param splits          split parameters
 * @param groupColumn     the group column, or null
 * @param augmentations   augmentation names in order
 * @param representations representation ids in order
 * @param tracksPerShard  tracks per shard
 * @param maxTrackSeconds longest track accepted
 */
public record RunIdentity(
        int schemaVersion,
        String tracksDigest,
        int tracks,
        FeatureParams features,
        SnippetParams snippets,
        SplitParams splits,
        String groupColumn,
        List<String> augmentations,
        List<String> representations,
        int tracksPerShard,
        double maxTrackSeconds) {

    /** The identity of preparing {@code tracks} with {@code settings}. */
    public static RunIdentity of(TrackList tracks, PrepareSettings settings) {
        return new RunIdentity(DatasetLayout.SCHEMA_VERSION, tracks.digest(), tracks.tracks().size(), settings.features(),
                settings.snippets(), settings.splits(), settings.groupColumn(), settings.augmentationNames(),
                settings.representations().stream().map(Representation::id).toList(), settings.tracksPerShard(),
                settings.maxTrackSeconds());
    }
}
