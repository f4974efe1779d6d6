package io.genreflow.training.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.genreflow.manifest.FeatureParams;
import io.genreflow.manifest.Normalisation;
import java.util.List;
import java.util.Map;

/**
 * The content of a prepared dataset's {@code dataset.json}: what was prepared and how. Field order
 * and names are those of training/DATASET_FORMAT.md.
 *
 * @param schemaVersion   {@link DatasetLayout#SCHEMA_VERSION}
 * @param labels          label names; a label index in the CSV files is a position here
 * @param features        parameters of the representations
 * @param snippet         how tracks were cut into snippets
 * @param representations representation id to the shape of one row
 * @param normalisation   representation id to per-feature-column statistics of the train split's original rows
 * @param splits          how tracks were assigned to splits and folds
 * @param augmentations   the augmentation names, {@code none} first
 * @param shards          the shards in order, with their row counts
 * @param skipped         input tracks that could not be prepared, and why
 */
public record DatasetDescription(
        int schemaVersion,
        List<String> labels,
        FeatureParams features,
        SnippetSettings snippet,
        Map<String, RepresentationShape> representations,
        Map<String, Normalisation> normalisation,
        SplitSettings splits,
        List<String> augmentations,
        List<Shard> shards,
        List<SkippedTrack> skipped) {

    /**
     * How tracks were cut.
     *
     * @param lengthSeconds        snippet length
     * @param hopSeconds           distance between snippet starts
     * @param silenceThresholdDbfs snippets below this RMS level are flagged silent
     */
    public record SnippetSettings(double lengthSeconds, double hopSeconds, double silenceThresholdDbfs) {
    }

    /** The shape of one row of a representation: {@code [steps, features]}. */
    public record RepresentationShape(List<Integer> shape) {
    }

    /**
     * How splits and folds were drawn, and how many prepared tracks each split holds.
     *
     * @param groupColumn the input column whose groups were kept together, or null
     * @param trackCounts prepared tracks per split id
     */
    public record SplitSettings(
            long seed,
            double validationFraction,
            double testFraction,
            int folds,
            @JsonInclude(JsonInclude.Include.ALWAYS) String groupColumn,
            Map<String, Integer> trackCounts) {
    }

    /** One shard: its file name without extension and its row count. */
    public record Shard(String name, long rows) {
    }

    /**
     * An input track left out.
     *
     * @param path   the track's path as given in the input
     * @param label  its label name
     * @param reason why it could not be prepared (e.g. the decoder's message)
     */
    public record SkippedTrack(String path, String label, String reason) {
    }
}
