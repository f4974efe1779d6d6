package io.genreflow.dashboard.models;

import io.quarkus.qute.TemplateData;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.genreflow.dashboard.charts.ConfusionHeatmap;

import java.util.List;
import java.util.Map;

/**
 * What the Models page and {@code /api/models} show about the model set serving now.
 *
 * @param modelVersion    the model set's version, recorded in every verdict
 * @param labels          the genres, in the models' output order
 * @param strategy        the ensemble rule (MEAN, SELECTIVE_ACTIVATION, STACKING)
 * @param strategyReason  why calibration chose it, if recorded
 * @param weights         per representation, its share of each label's score ("equal" rules give 1/n)
 * @param dataset         the training data's description
 * @param trackCounts     tracks per split
 * @param representations each representation's model
 * @param ensemble        the ensemble's test evaluation, if an evaluation is shipped
 * @param evaluationSplit which split the evaluation measured, if any
 */
@TemplateData
public record ModelsView(String modelVersion, List<String> labels, String strategy, String strategyReason,
                         Map<String, List<Double>> weights, String dataset, Map<String, Integer> trackCounts,
                         List<RepresentationView> representations, Evaluation ensemble, String evaluationSplit) {

    /**
     * One representation's model.
     *
     * @param id           the representation id, e.g. logmel
     * @param architecture the network, e.g. crnn
     * @param parameters   trainable parameters, if recorded
     * @param inputShape   the model's input shape, -1 for the batch
     * @param validation   validation metrics by name
     * @param test         its test evaluation, if shipped
     */
    @TemplateData
    public record RepresentationView(String id, String architecture, Long parameters, List<Integer> inputShape,
                                     Map<String, Double> validation, Evaluation test) {
    }

    /**
     * Track-level metrics on the evaluation split.
     *
     * @param accuracy         track accuracy
     * @param balancedAccuracy mean per-class recall
     * @param macroF1          mean per-class F1
     * @param confusion        rows: true label, columns: predicted
     * @param cells            the confusion matrix as heat-map cells, for the page only
     */
    @TemplateData
    public record Evaluation(double accuracy, double balancedAccuracy, double macroF1, List<List<Integer>> confusion,
                             @JsonIgnore List<ConfusionHeatmap.Cell> cells) {
    }
}
