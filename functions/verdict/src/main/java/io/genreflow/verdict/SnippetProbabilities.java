package io.genreflow.verdict;


import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.Representation;
import java.util.Collection;

/**
 * Gathers the partial results of one representation, one per snippet batch and in any order, into
 * the matrix {@link VerdictAssembler} takes: one row per snippet of the plan.
 */
public final class SnippetProbabilities {

    private SnippetProbabilities() {
    }

    /**
     * The snippet-by-label matrix of one representation.
     *
     * @param results      every batch's result for the representation
     * @param snippetCount snippets in the track's plan
     * @param labelCount   labels of the model
     * @throws IllegalArgumentException when the results mix representations, leave a snippet out,
     *                                  score one twice or name one outside the plan, or have
     *                                  another number of labels
     */
    public static float[][] fromPartials(Collection<PartialResult> results, int snippetCount, int labelCount) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no partial results to gather");
        }
        Representation representation = results.iterator().next().representation();
        float[][] rows = new float[snippetCount][];
        for (PartialResult result : results) {
            if (result.representation() != representation) {
                throw new IllegalArgumentException("results of '" + result.representation().id() + "' and '" + representation.id()
                        + "' cannot make one matrix");
            }
            for (PartialResult.SnippetScores snippet : result.snippets()) {
                int index = snippet.index();
                if (index >= snippetCount) {
                    throw new IllegalArgumentException("batch " + result.batch() + " of '" + representation.id()
                            + "' scores snippet " + index + " but the track has " + snippetCount);
                }
                if (rows[index] != null) {
                    throw new IllegalArgumentException("snippet " + index + " of '" + representation.id()
                            + "' is scored by two batches");
                }
                if (snippet.probabilities().size() != labelCount) {
                    throw new IllegalArgumentException("batch " + result.batch() + " of '" + representation.id() + "' has "
                            + snippet.probabilities().size() + " probabilities per snippet for " + labelCount + " labels");
                }
                rows[index] = snippet.toArray();
            }
        }
        for (int s = 0; s < snippetCount; s++) {
            if (rows[s] == null) {
                throw new IllegalArgumentException("no result of '" + representation.id() + "' scores snippet " + s);
            }
        }
        return rows;
    }
}
