package io.genreflow.training.evaluate;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws a confusion matrix as a PNG picture: true labels down the left, predicted labels across
 * the top, the count in every cell, and each cell shaded by its share of its row (the recall of
 * the diagonal), so classes of very different sizes read alike. Drawn with Java2D into an image in
 * memory, so it needs no display (run the JVM with {@code -Djava.awt.headless=true}) but does need
 * one installed font.
 */
public final class ConfusionMatrixImage {

    /** Side of one cell in pixels. */
    public static final int CELL = 44;
    /** Room left of the cells for the true labels. */
    public static final int LEFT = 120;
    /** Room above the cells for the title and the predicted labels (written upwards). */
    public static final int TOP = 130;
    /** Margin right of and below the cells. */
    public static final int MARGIN = 16;

    /** The colour of a cell holding its whole row; an empty cell is white. */
    static final Color FULL = new Color(8, 48, 107);

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

    private ConfusionMatrixImage() {
    }

    /** Width in pixels of the picture of a matrix with {@code labels} labels. */
    public static int width(int labels) {
        return LEFT + labels * CELL + MARGIN;
    }

    /** Height in pixels of the picture of a matrix with {@code labels} labels. */
    public static int height(int labels) {
        return TOP + labels * CELL + MARGIN;
    }

    /**
     * Writes the picture of {@code confusion} ({@code [true][predicted]} counts) to {@code file}.
     *
     * @param title  what the matrix shows, written above it
     * @param labels the label names, in the matrix's order
     */
    public static void write(Path file, String title, List<String> labels, int[][] confusion) throws IOException {
        if (confusion.length != labels.size()) {
            throw new IllegalArgumentException("a " + confusion.length + "-row matrix for " + labels.size() + " labels");
        }
        BufferedImage image;
        try {
            image = draw(title, labels, confusion);
        } catch (InternalError | UnsatisfiedLinkError e) {
            // What the JDK throws on Linux when fontconfig or every font is missing.
            throw new IOException("cannot draw " + file + ": the Java runtime finds no usable font (" + e.getMessage()
                    + "); install fontconfig and a font, e.g. apt-get install -y fontconfig fonts-dejavu-core", e);
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("this Java runtime has no PNG writer; cannot write " + file);
        }
    }

    static BufferedImage draw(String title, List<String> labels, int[][] confusion) {
        int n = labels.size();
        BufferedImage image = new BufferedImage(width(n), height(n), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(TITLE_FONT);
            g.drawString(fitted(title, image.getWidth() - 2 * MARGIN, g.getFontMetrics()), MARGIN, MARGIN + 8);
            g.setFont(LABEL_FONT);
            FontMetrics metrics = g.getFontMetrics();
            String predicted = "predicted \u2192";
            g.drawString(predicted, LEFT - 6 - metrics.stringWidth(predicted), TOP - 22);
            g.drawString("true \u2193", MARGIN, TOP - 6);
            for (int row = 0; row < n; row++) {
                int total = 0;
                for (int count : confusion[row]) {
                    total += count;
                }
                for (int column = 0; column < n; column++) {
                    double share = total == 0 ? 0 : (double) confusion[row][column] / total;
                    drawCell(g, metrics, LEFT + column * CELL, TOP + row * CELL, confusion[row][column], share);
                }
                String label = fitted(labels.get(row), LEFT - 2 * 6, metrics);
                g.setColor(Color.BLACK);
                g.drawString(label, LEFT - 6 - metrics.stringWidth(label),
                        TOP + row * CELL + (CELL + metrics.getAscent() - metrics.getDescent()) / 2);
            }
            drawPredictedLabels(g, metrics, labels);
            g.setColor(Color.GRAY);
            g.drawRect(LEFT, TOP, n * CELL, n * CELL);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The fill colour of a cell holding {@code share} of its row: white to {@link #FULL}. */
    static Color shade(double share) {
        return new Color(mix(255, FULL.getRed(), share), mix(255, FULL.getGreen(), share),
                mix(255, FULL.getBlue(), share));
    }

    private static void drawCell(Graphics2D g, FontMetrics metrics, int x, int y, int count, double share) {
        g.setColor(shade(share));
        g.fillRect(x, y, CELL, CELL);
        g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
        String text = Integer.toString(count);
        g.drawString(text, x + (CELL - metrics.stringWidth(text)) / 2,
                y + (CELL + metrics.getAscent() - metrics.getDescent()) / 2);
    }

    private static void drawPredictedLabels(Graphics2D g, FontMetrics metrics, List<String> labels) {
        AffineTransform plain = g.getTransform();
        g.setColor(Color.BLACK);
        for (int column = 0; column < labels.size(); column++) {
            String label = fitted(labels.get(column), TOP - 2 * MARGIN - 18, metrics);
            g.setTransform(plain);
            g.translate(LEFT + column * CELL + (CELL + metrics.getAscent() - metrics.getDescent()) / 2, TOP - 22);
            g.rotate(-Math.PI / 2);
            g.drawString(label, 0, 0);
        }
        g.setTransform(plain);
    }

    /** {@code text}, shortened with an ellipsis until it fits in {@code width} pixels. */
    private static String fitted(String text, int width, FontMetrics metrics) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        String shortened = text;
        while (!shortened.isEmpty() && metrics.stringWidth(shortened + "\u2026") > width) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "\u2026";
    }

    private static int mix(int from, int to, double share) {
        return (int) Math.round(from + (to - from) * share);
    }
}
