package io.genreflow.audio;

import io.genreflow.contracts.SourceFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.audio.AudioDecodeException.Reason;

/** Assertions shared by the decoder tests. */
final class DecodeAssertions {

    private DecodeAssertions() {
    }

    /**
     * Decodes {@code file} to the end and expects it to fail with {@code reason}, naming {@code format}
     * (or no format) in the exception and at the start of its message.
     */
    static AudioDecodeException assertDecodeFails(Reason reason, SourceFormat format, byte[] file) {
        AudioDecodeException e = assertThrows(AudioDecodeException.class, () -> Decoded.of(file));
        assertEquals(reason, e.reason(), e.getMessage());
        assertEquals(format, e.format(), e.getMessage());
        if (format != null) {
            assertTrue(e.getMessage().startsWith(format.displayName() + ": "), e.getMessage());
        }
        return e;
    }

    static void assertMessageContains(AudioDecodeException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' missing from: " + e.getMessage());
        }
    }

    /** Pearson correlation of the first {@code reference.length} samples. */
    static double correlation(double[] reference, float[] decoded) {
        int n = Math.min(reference.length, decoded.length);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double syy = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sx += reference[i];
            sy += decoded[i];
            sxx += reference[i] * reference[i];
            syy += (double) decoded[i] * decoded[i];
            sxy += reference[i] * decoded[i];
        }
        double cov = sxy - sx * sy / n;
        return cov / Math.sqrt((sxx - sx * sx / n) * (syy - sy * sy / n));
    }
}
