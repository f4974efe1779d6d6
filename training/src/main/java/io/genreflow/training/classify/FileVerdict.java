package io.genreflow.training.classify;

import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Energy;
import io.genreflow.pipeline.LocalClassification;
import io.genreflow.contracts.LabelScore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One classified file, as {@code genreflow classify} prints it: a JSON object on one line.
 *
 * @param path            the file, as given or found under a given folder
 * @param genre           the most probable genre
 * @param confidence      its probability
 * @param topK            the most probable genres, most probable first
 * @param energy          the energy score, level and the descriptors behind them
 * @param scores          per representation, its track score for each label
 * @param degraded        whether a representation the ensemble relies on failed
 * @param missing         the representations that failed
 * @param durationSeconds the decoded audio's length
 * @param modelVersion    the model set that made the verdict
 */
public record FileVerdict(
        String path,
        String genre,
        double confidence,
        List<LabelScore> topK,
        Energy energy,
        Map<String, Map<String, Double>> scores,
        boolean degraded,
        List<String> missing,
        double durationSeconds,
        String modelVersion) implements FileResult {

    /** The line for {@code path}'s classification. */
    static FileVerdict of(String path, LocalClassification classification) {
        Verdict verdict = classification.verdict();
        Map<String, Map<String, Double>> scores = new LinkedHashMap<>();
        verdict.trackScores().forEach((representation, values) -> {
            Map<String, Double> byLabel = new LinkedHashMap<>();
            for (int c = 0; c < values.size(); c++) {
                byLabel.put(verdict.labels().get(c), values.get(c));
            }
            scores.put(representation, byLabel);
        });
        return new FileVerdict(path, verdict.genre(), verdict.confidence(), verdict.topK(), verdict.energy(), scores,
                verdict.degraded(), verdict.missingRepresentations(), classification.track().audio().durationSeconds(),
                verdict.modelVersion());
    }
}
