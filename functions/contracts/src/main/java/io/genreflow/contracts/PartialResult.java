package io.genreflow.contracts;


import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * A classifier's answer for one {@link SnippetBatchMessage}: the model's probabilities for each
 * snippet. Sent to the results queue and stored by the aggregator at {@link #key()}.
 *
 * @param schemaVersion  {@link SchemaVersion#CURRENT} when written
 * @param trackId        the track
 * @param representation the representation
 * @param batch          the batch index this answers
 * @param snippets       per snippet, its index and probabilities (one per label, in manifest label order)
 * @param modelVersion   the model version that produced them
 * @param timingsMs      milliseconds per step, e.g. "read", "features", "inference"
 */
public record PartialResult(
        int schemaVersion,
        TrackId trackId,
        Representation representation,
        int batch,
        List<SnippetScores> snippets,
        String modelVersion,
        Map<String, Long> timingsMs) {

    public PartialResult {
        SchemaVersion.check(schemaVersion, "partial result");
        Checks.present(trackId, "track id");
        Checks.present(representation, "representation");
        Checks.nonNegative(batch, "batch");
        snippets = Checks.list(snippets, "snippets");
        if (snippets.isEmpty()) {
            throw new IllegalArgumentException("partial result for batch " + batch + " has no snippets");
        }
        int labels = snippets.get(0).probabilities().size();
        for (SnippetScores snippet : snippets) {
            if (snippet.probabilities().size() != labels) {
                throw new IllegalArgumentException("snippet " + snippet.index() + " has "
                        + snippet.probabilities().size() + " probabilities, the batch's first has " + labels);
            }
        }
        if (new HashSet<>(snippets.stream().map(SnippetScores::index).toList()).size() != snippets.size()) {
            throw new IllegalArgumentException("partial result for batch " + batch + " lists a snippet twice");
        }
        Checks.text(modelVersion, "model version");
        timingsMs = Checks.timings(timingsMs);
    }

    /** Where the aggregator stores this result. */
    public String key() {
        return S3Keys.partialResult(trackId, representation, batch);
    }

    /**
     * One snippet's probabilities.
     *
     * @param index         the snippet's index within the track
     * @param probabilities one per label, each finite and in [0, 1]
     */
    public record SnippetScores(int index, List<Float> probabilities) {

        public SnippetScores {
            Checks.nonNegative(index, "snippet index");
            probabilities = Checks.list(probabilities, "probabilities of snippet " + index);
            if (probabilities.isEmpty()) {
                throw new IllegalArgumentException("snippet " + index + " has no probabilities");
            }
            for (Float p : probabilities) {
                Checks.probability(p, "probability of snippet " + index);
            }
        }

        /** The probabilities as the array the verdict maths takes. */
        public float[] toArray() {
            float[] values = new float[probabilities.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = probabilities.get(c);
            }
            return values;
        }
    }
}
