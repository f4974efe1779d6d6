package io.genreflow.dashboard.spectrogram;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpectrogramImageTest {

    private static final int RATE = 22_050;

    @Test
    void aLowToneThenAHighOneLightUpLowThenHighRows() throws IOException {
        SpectrogramImage drawing = new SpectrogramImage(RATE, 1);
        drawing.add(tone(200, 6), 6 * RATE);
        drawing.add(tone(5000, 6), 6 * RATE);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(drawing.png()));
        assertEquals(128, image.getHeight());
        int early = image.getWidth() / 4;
        int late = 3 * image.getWidth() / 4;
        assertTrue(brightestRow(image, early) > brightestRow(image, late),
                "the 200 Hz tone sits lower (a larger row index) than the 5 kHz one");
    }

    @Test
    void longTracksArePooledAndThinned() throws IOException {
        assertEquals(1, SpectrogramImage.strideFor(600));
        assertEquals(6, SpectrogramImage.strideFor(3600));
        SpectrogramImage drawing = new SpectrogramImage(RATE, 1);
        float[] minute = tone(440, 60);
        for (int i = 0; i < 5; i++) {
            drawing.add(minute, minute.length);
        }
        assertEquals(SpectrogramImage.MAX_WIDTH, ImageIO.read(new ByteArrayInputStream(drawing.png())).getWidth());
        assertThrows(IllegalStateException.class, () -> new SpectrogramImage(RATE, 1).png());
    }

    @Test
    void theGradientRunsFromDarkToBright() {
        assertEquals(0x0D0887, SpectrogramImage.colour(0));
        assertEquals(0xFDE725, SpectrogramImage.colour(1));
        assertEquals(SpectrogramImage.colour(1), SpectrogramImage.colour(7), "clamped");
    }

    private static int brightestRow(BufferedImage image, int x) {
        int best = 0;
        int bestLevel = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            int rgb = image.getRGB(x, y);
            int level = (rgb >> 16 & 0xff) + (rgb >> 8 & 0xff);
            if (level > bestLevel) {
                bestLevel = level;
                best = y;
            }
        }
        return best;
    }

    private static float[] tone(double hertz, int seconds) {
        float[] y = new float[seconds * RATE];
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) (0.5 * Math.sin(2 * Math.PI * hertz * i / RATE));
        }
        return y;
    }
}
