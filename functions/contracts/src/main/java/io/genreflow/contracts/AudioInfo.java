package io.genreflow.contracts;


/**
 * What the splitter learnt decoding an upload, and the shape of the PCM it wrote.
 *
 * @param sourceFormat     the container/codec detected from the bytes
 * @param sourceChannels   channel count before the downmix to mono
 * @param sourceSampleRate the file's own sample rate in Hz
 * @param sampleRate       the PCM's sample rate in Hz (the model's)
 * @param totalSamples     samples in the PCM object
 * @param durationSeconds  totalSamples / sampleRate, stored for readers of the JSON
 */
public record AudioInfo(
        SourceFormat sourceFormat,
        int sourceChannels,
        int sourceSampleRate,
        int sampleRate,
        long totalSamples,
        double durationSeconds) {

    public AudioInfo {
        Checks.present(sourceFormat, "source format");
        Checks.positive(sourceChannels, "source channel count");
        Checks.positive(sourceSampleRate, "source sample rate");
        Checks.positive(sampleRate, "sample rate");
        if (totalSamples <= 0) {
            throw new IllegalArgumentException("decoded audio has no samples");
        }
        if (!(Math.abs(durationSeconds - (double) totalSamples / sampleRate) <= 0.5 / sampleRate)) {
            throw new IllegalArgumentException("duration " + durationSeconds + " s does not match " + totalSamples
                    + " samples at " + sampleRate + " Hz");
        }
    }

    /** The info for a PCM of {@code totalSamples} at {@code sampleRate}, with the duration worked out. */
    public static AudioInfo of(SourceFormat sourceFormat, int sourceChannels, int sourceSampleRate, int sampleRate,
                               long totalSamples) {
        return new AudioInfo(sourceFormat, sourceChannels, sourceSampleRate, sampleRate, totalSamples,
                (double) totalSamples / sampleRate);
    }
}
