package io.genreflow.audio;

/**
 * What a container header says about its uncompressed sample data, which starts right after it.
 *
 * @param encoding   how each sample is stored
 * @param channels   interleaved channels per sample frame
 * @param sampleRate sample frames per second
 * @param frames     sample frames the header announces, or -1 when the data runs to the end of the file
 */
record SampleLayout(PcmEncoding encoding, int channels, int sampleRate, long frames) {

    int frameBytes() {
        return encoding.bytesPerSample() * channels;
    }
}
