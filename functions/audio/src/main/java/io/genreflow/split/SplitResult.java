package io.genreflow.split;

import io.genreflow.contracts.AudioInfo;
import io.genreflow.contracts.Energy;
import io.genreflow.snippets.Snippet;
import io.genreflow.snippets.SnippetPlan;
import java.util.Objects;

/**
 * What splitting one upload found: the audio's shape, the snippets to classify and the track's
 * energy; the samples themselves went to the {@link PcmSink}.
 *
 * @param audio       the source format and the shape of the PCM written
 * @param plan        the snippets, with their levels and silent flags
 * @param energy      the track's energy
 * @param sourceBytes bytes read from the upload, all of it
 */
public record SplitResult(AudioInfo audio, SnippetPlan plan, Energy energy, long sourceBytes) {

    public SplitResult {
        Objects.requireNonNull(audio, "audio");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(energy, "energy");
        if (plan.totalSamples() != audio.totalSamples() || plan.sampleRate() != audio.sampleRate()) {
            throw new IllegalArgumentException("the plan covers " + plan.totalSamples() + " samples at "
                    + plan.sampleRate() + " Hz but the audio has " + audio.totalSamples() + " at "
                    + audio.sampleRate() + " Hz");
        }
    }

    /** Start sample of every snippet, in plan order: what the scorers cut. */
    public long[] snippetStarts() {
        return plan.snippets().stream().mapToLong(Snippet::startSample).toArray();
    }
}
