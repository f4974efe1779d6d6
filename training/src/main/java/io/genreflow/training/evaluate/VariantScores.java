package io.genreflow.training.evaluate;

import io.genreflow.training.dataset.PreparedTrack;
import io.genreflow.verdict.SnippetPooling;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every model of a manifest said about one variant (e.g. the original audio, or the audio
 * played 1.1 times as fast) of a set of tracks, snippet by snippet.
 *
 * @param augmentation  the variant's name in snippets.csv ({@code none} for the original audio)
 * @param tracks        the tracks, in track order
 * @param silent        per track, per snippet, whether the snippet was flagged silent
 * @param probabilities representation id to, per track, {@code [snippet][label]} probabilities
 */
public record VariantScores(String augmentation, List<PreparedTrack> tracks, List<boolean[]> silent,
                            Map<String, List<float[][]>> probabilities) {

    public VariantScores {
        tracks = List.copyOf(tracks);
        silent = List.copyOf(silent);
        probabilities = Map.copyOf(probabilities);
        for (Map.Entry<String, List<float[][]>> entry : probabilities.entrySet()) {
            if (entry.getValue().size() != tracks.size()) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' scored " + entry.getValue().size()
                        + " tracks of " + tracks.size());
            }
        }
    }

    /** The true label of each track. */
    public int[] truth() {
        return tracks.stream().mapToInt(PreparedTrack::label).toArray();
    }

    /** Snippets per track added up. */
    public int snippetCount() {
        return silent.stream().mapToInt(flags -> flags.length).sum();
    }

    /**
     * One representation's track scores as serving computes them: the mean of the snippet
     * probabilities with silent snippets left out ({@link SnippetPooling#mean}).
     */
    public double[][] trackScores(String representation) {
        List<float[][]> perTrack = probabilities.get(representation);
        double[][] scores = new double[perTrack.size()][];
        for (int t = 0; t < scores.length; t++) {
            scores[t] = SnippetPooling.mean(perTrack.get(t), silent.get(t));
        }
        return scores;
    }

    /** Every representation's track scores ({@link #trackScores(String)}). */
    public Map<String, double[][]> trackScores() {
        Map<String, double[][]> scores = new TreeMap<>();
        probabilities.keySet().forEach(id -> scores.put(id, trackScores(id)));
        return scores;
    }
}
