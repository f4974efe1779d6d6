package io.genreflow.split;

import io.genreflow.contracts.PcmLayout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Writes the track as {@link PcmLayout} bytes (float32, little-endian, no header) to a stream,
 * e.g. the upload of {@code work/<id>/audio.pcm}. The stream stays the caller's to flush and
 * close.
 */
public final class PcmByteWriter implements PcmSink {

    private final OutputStream out;
    private ByteBuffer bytes = ByteBuffer.allocate(0).order(PcmLayout.BYTE_ORDER);

    public PcmByteWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public void accept(float[] samples, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, samples.length);
        int size = length * PcmLayout.BYTES_PER_SAMPLE;
        if (bytes.capacity() < size) {
            bytes = ByteBuffer.allocate(size).order(PcmLayout.BYTE_ORDER);
        }
        bytes.clear();
        bytes.asFloatBuffer().put(samples, offset, length);
        out.write(bytes.array(), 0, size);
    }
}
