package io.genreflow.training.evaluate;

import io.genreflow.manifest.Normalisation;
import io.genreflow.contracts.Representation;
import io.genreflow.manifest.ModelException;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.model.OnnxSnippetClassifier;
import io.genreflow.manifest.RepresentationModel;
import io.genreflow.training.cli.CommandException;
import io.genreflow.training.dataset.DatasetDescription;
import io.genreflow.training.dataset.PreparedDataset;
import io.genreflow.training.dataset.PreparedTrack;
import io.genreflow.training.dataset.ShardedRows;
import io.genreflow.training.dataset.SnippetRows;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Scores prepared snippets with every model of a manifest, the way serving does: each model is
 * loaded with {@link OnnxSnippetClassifier} (which checks its file's SHA-256 and shapes), each row
 * read from the shards is standardised with the manifest's {@link Normalisation} and scored in
 * batches. Only the feature computation differs from serving: it was done once by {@code prepare},
 * with the same code.
 */
public final class ManifestScorer {

    /** Snippets per model call: big enough to amortise a call, small enough for spectrogram rows. */
    static final int BATCH_SIZE = 32;

    private final Path manifestJson;
    private final ModelManifest manifest;
    private final OnnxSnippetClassifier.Options options;
    private final PrintStream progress;

    /**
     * @param manifestJson the manifest whose models score
     * @param options      how ONNX Runtime runs (threads, provider)
     * @param progress     receives one line per representation
     */
    public ManifestScorer(Path manifestJson, OnnxSnippetClassifier.Options options, PrintStream progress)
            throws CommandException {
        this.manifestJson = Objects.requireNonNull(manifestJson, "manifestJson");
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
        try {
            this.manifest = ModelManifest.load(manifestJson);
        } catch (ModelException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /**
     * Checks that the manifest's models were trained on data like {@code description}'s: same labels in
     * the same order, same feature parameters and snippet length, and inputs shaped as its rows.
     */
    private void requireFits(DatasetDescription description, Path datasetRoot) throws CommandException {
        if (!manifest.labels().equals(description.labels())) {
            throw new CommandException("the models score the labels " + manifest.labels() + " but " + datasetRoot
                    + " has " + description.labels() + "; evaluate on data prepared with the same labels");
        }
        if (!manifest.features().equals(description.features())) {
            throw new CommandException("the models were trained with feature parameters " + manifest.features()
                    + " but " + datasetRoot + " was prepared with " + description.features());
        }
        if (manifest.snippets().snippetSeconds() != description.snippet().lengthSeconds()) {
            throw new CommandException("the models take " + manifest.snippets().snippetSeconds() + "-s snippets but "
                    + datasetRoot + " holds " + description.snippet().lengthSeconds() + "-s snippets");
        }
        for (Map.Entry<String, RepresentationModel> entry : manifest.representations().entrySet()) {
            DatasetDescription.RepresentationShape shape = description.representations().get(entry.getKey());
            long[] rows = shape == null ? null : shape.shape().stream().mapToLong(Integer::longValue).toArray();
            if (!Arrays.equals(rows, entry.getValue().snippetShape())) {
                throw new CommandException("the '" + entry.getKey() + "' model takes snippets shaped "
                        + Arrays.toString(entry.getValue().snippetShape()) + " but " + datasetRoot + " has "
                        + (rows == null ? "no such representation" : "rows shaped " + Arrays.toString(rows)));
            }
        }
    }

    /**
     * Scores the snippets of {@code tracks} in each variant of {@code augmentations} with every model.
     * A track without rows of a variant is left out of that variant.
     *
     * @return augmentation name to its scores, in the order asked for
     */
    public Map<String, VariantScores> score(PreparedDataset dataset, List<PreparedTrack> tracks,
                                            List<String> augmentations) throws CommandException, IOException {
        requireFits(dataset.description(), dataset.root());
        Map<String, List<PreparedTrack>> scoredTracks = new LinkedHashMap<>();
        Map<String, List<SnippetRows>> rows = new LinkedHashMap<>();
        for (String augmentation : augmentations) {
            List<PreparedTrack> present = new ArrayList<>();
            List<SnippetRows> variantRows = new ArrayList<>();
            for (PreparedTrack track : tracks) {
                dataset.rows(track, augmentation).ifPresent(found -> {
                    present.add(track);
                    variantRows.add(found);
                });
            }
            if (present.isEmpty()) {
                throw new CommandException(dataset.root() + " has no '" + augmentation + "' rows for the "
                        + tracks.size() + " selected tracks");
            }
            scoredTracks.put(augmentation, present);
            rows.put(augmentation, variantRows);
        }
        Map<String, Map<String, List<float[][]>>> probabilities = new LinkedHashMap<>();
        augmentations.forEach(augmentation -> probabilities.put(augmentation, new LinkedHashMap<>()));
        for (String id : manifest.representations().keySet()) {
            Representation representation = Representation.fromId(id);
            long started = System.nanoTime();
            int snippets = 0;
            try (OnnxSnippetClassifier classifier = load(representation);
                 ShardedRows shards = dataset.openRows(representation)) {
                Normalisation normalisation = manifest.model(representation).normalisation();
                for (String augmentation : augmentations) {
                    List<float[][]> perTrack = new ArrayList<>();
                    for (SnippetRows track : rows.get(augmentation)) {
                        perTrack.add(score(classifier, normalisation, shards, track.rows()));
                        snippets += track.size();
                    }
                    probabilities.get(augmentation).put(id, perTrack);
                }
            } catch (ModelException e) {
                throw new CommandException("scoring with the '" + id + "' model failed: " + e.getMessage(), e);
            }
            progress.printf(Locale.ROOT, "scored %d '%s' snippets in %.1f s%n", snippets, id,
                    (System.nanoTime() - started) / 1e9);
        }
        Map<String, VariantScores> scores = new LinkedHashMap<>();
        for (String augmentation : augmentations) {
            List<boolean[]> silent = rows.get(augmentation).stream().map(SnippetRows::silent).toList();
            scores.put(augmentation, new VariantScores(augmentation, scoredTracks.get(augmentation), silent,
                    probabilities.get(augmentation)));
        }
        return scores;
    }

    private OnnxSnippetClassifier load(Representation representation) throws CommandException {
        try {
            return OnnxSnippetClassifier.load(manifestJson, representation, options);
        } catch (ModelException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    /** {@code [row][label]} probabilities of the given rows, scored in batches. */
    private static float[][] score(OnnxSnippetClassifier classifier, Normalisation normalisation, ShardedRows shards,
                                   long[] rows) throws IOException, ModelException {
        float[][] probabilities = new float[rows.length][];
        for (int first = 0; first < rows.length; first += BATCH_SIZE) {
            int count = Math.min(BATCH_SIZE, rows.length - first);
            float[] batch = null;
            int offset = 0;
            for (int i = 0; i < count; i++) {
                float[][] features = shards.row(rows[first + i]);
                normalisation.apply(features);
                if (batch == null) {
                    batch = new float[count * features.length * features[0].length];
                }
                for (float[] step : features) {
                    System.arraycopy(step, 0, batch, offset, step.length);
                    offset += step.length;
                }
            }
            System.arraycopy(classifier.classify(batch, count), 0, probabilities, first, count);
        }
        return probabilities;
    }
}
