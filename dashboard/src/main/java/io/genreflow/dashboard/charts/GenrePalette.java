package io.genreflow.dashboard.charts;

import io.quarkus.qute.TemplateData;

import java.util.List;

/**
 * A colour per genre, by the label's position in the model's label list, so a genre keeps its
 * colour on every chart. The colours are the Okabe–Ito set (distinguishable with the common colour
 * vision deficiencies) (its black swapped for indigo) extended with darker shades; every chart also names the genre in text.
 */
public final class GenrePalette {

    private static final List<String> COLOURS = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9",
            "#D55E00", "#F0E442", "#332288", "#7F6000", "#6A3D9A", "#999999", "#B15928");

    private final List<String> labels;

    public GenrePalette(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    /** The colour of {@code label}; grey for a label the models do not know. */
    public String colour(String label) {
        int index = labels.indexOf(label);
        return index < 0 ? "#999999" : COLOURS.get(index % COLOURS.size());
    }

    /** Every label with its colour, for a legend. */
    public List<Swatch> legend() {
        return labels.stream().map(label -> new Swatch(label, colour(label))).toList();
    }

    /**
     * One legend entry.
     *
     * @param label  the genre
     * @param colour its colour
     */
    @TemplateData
    public record Swatch(String label, String colour) {
    }
}
