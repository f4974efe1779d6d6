package io.genreflow.split;

import io.genreflow.pcm.PcmBuffer;

import java.io.IOException;

/**
 * Where the splitter puts the decoded, resampled track as it streams past: in memory
 * ({@link PcmBuffer}) for local classification, or as {@link io.genreflow.contracts.PcmLayout}
 * bytes ({@link PcmByteWriter}) for the PCM object the classifiers read ranges of.
 */
public interface PcmSink {

    /**
     * Takes the next {@code length} samples of the track; {@code samples} is reused by the caller
     * afterwards, so a sink that keeps them copies them.
     */
    void accept(float[] samples, int offset, int length) throws IOException;
}
