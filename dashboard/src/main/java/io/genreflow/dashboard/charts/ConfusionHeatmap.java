package io.genreflow.dashboard.charts;

import io.quarkus.qute.TemplateData;

import java.util.ArrayList;
import java.util.List;

/**
 * A confusion matrix as an SVG grid: rows are the true genre, columns the predicted one; a cell's
 * shade is its share of the row (so rare genres read as clearly as common ones), its text the count.
 */
public final class ConfusionHeatmap {

    /** Side of one cell in SVG user units. */
    public static final int CELL = 34;
    /** Room for the row labels on the left and the column labels on top. */
    public static final int MARGIN = 90;

    private ConfusionHeatmap() {
    }

    /**
     * One cell.
     *
     * @param x        left edge
     * @param y        top edge
     * @param opacity  the shade, the row share in [0.04, 1]
     * @param count    tracks of the row's genre predicted as the column's
     * @param textX    the count's centre
     * @param textY    the count's baseline
     * @param light    whether the count is printed light on a dark shade
     * @param tooltip  "true jazz, predicted blues: 2 of 15"
     */
    @TemplateData
    public record Cell(int x, int y, String opacity, int count, int textX, int textY, boolean light, String tooltip) {
    }

    /**
     * A label along an axis.
     *
     * @param text the genre
     * @param x    the anchor's x
     * @param y    the anchor's y
     */
    @TemplateData
    public record Label(String text, int x, int y) {
    }

    /** The cells of {@code matrix} (rows: true label, columns: predicted) for {@code labels}. */
    public static List<Cell> cells(List<String> labels, List<List<Integer>> matrix) {
        List<Cell> cells = new ArrayList<>();
        for (int r = 0; r < matrix.size(); r++) {
            List<Integer> row = matrix.get(r);
            int total = row.stream().mapToInt(Integer::intValue).sum();
            for (int c = 0; c < row.size(); c++) {
                int count = row.get(c);
                double share = total == 0 ? 0 : (double) count / total;
                int x = MARGIN + c * CELL;
                int y = MARGIN + r * CELL;
                cells.add(new Cell(x, y, Percent.number(Math.max(0.04, share), 3), count, x + CELL / 2,
                        y + CELL / 2 + 5, share > 0.5, "true " + labels.get(r) + ", predicted " + labels.get(c) + ": "
                        + count + " of " + total));
            }
        }
        return cells;
    }

    /** The row labels, right-aligned before the grid. */
    public static List<Label> rowLabels(List<String> labels) {
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(new Label(labels.get(i), MARGIN - 6, MARGIN + i * CELL + CELL / 2 + 5));
        }
        return out;
    }

    /** The column labels, rotated above the grid. */
    public static List<Label> columnLabels(List<String> labels) {
        List<Label> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            out.add(new Label(labels.get(i), MARGIN + i * CELL + CELL / 2 + 5, MARGIN - 6));
        }
        return out;
    }

    /** The SVG's side for {@code n} labels. */
    public static int size(int n) {
        return MARGIN + n * CELL + 4;
    }
}
