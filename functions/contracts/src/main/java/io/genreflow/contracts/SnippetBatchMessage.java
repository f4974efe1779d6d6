package io.genreflow.contracts;

import java.util.HashSet;
import java.util.List;

/**
 * The splitter's order to classify one batch of a track's snippets with one representation, sent
 * to that representation's queue. It carries everything the classifier needs, so the classifier
 * never reads the track record: it fetches {@link #pcmRangeHeader()} of {@link #pcmKey()} and cuts
 * the snippets from it; snippet samples past {@link #totalSamples()} are zeros (a track shorter
 * than a snippet is padded).
 *
 * @param schemaVersion        {@link SchemaVersion#CURRENT} when written
 * @param trackId              the track
 * @param representation       the representation it is for
 * @param batch                this batch's index within the representation, from 0
 * @param pcmKey               the decoded audio object, see {@link PcmLayout}
 * @param sampleRate           samples per second of the PCM
 * @param totalSamples         samples in the PCM object
 * @param snippetLengthSamples samples per snippet
 * @param snippets             the snippets of this batch, in index order
 */
public record SnippetBatchMessage(
        int schemaVersion,
        TrackId trackId,
        Representation representation,
        int batch,
        String pcmKey,
        int sampleRate,
        long totalSamples,
        int snippetLengthSamples,
        List<Snippet> snippets) {

    public SnippetBatchMessage {
        SchemaVersion.check(schemaVersion, "snippet batch message");
        Checks.present(trackId, "track id");
        Checks.present(representation, "representation");
        Checks.nonNegative(batch, "batch");
        Checks.text(pcmKey, "PCM key");
        Checks.positive(sampleRate, "sample rate");
        if (totalSamples <= 0) {
            throw new IllegalArgumentException("a track has at least one sample, got " + totalSamples);
        }
        Checks.positive(snippetLengthSamples, "snippet length");
        snippets = Checks.list(snippets, "snippets");
        if (snippets.isEmpty()) {
            throw new IllegalArgumentException("batch " + batch + " has no snippets");
        }
        if (new HashSet<>(snippets.stream().map(Snippet::index).toList()).size() != snippets.size()) {
            throw new IllegalArgumentException("batch " + batch + " lists a snippet twice");
        }
        for (Snippet snippet : snippets) {
            if (snippet.startSample() >= totalSamples) {
                throw new IllegalArgumentException("snippet " + snippet.index() + " starts at sample "
                        + snippet.startSample() + ", past the track's " + totalSamples + " samples");
            }
        }
    }

    /**
     * The first sample this batch needs: its first snippet's, less {@code contextSamples} the
     * features read before it (the track's start caps it).
     */
    public long firstSample(int contextSamples) {
        long first = snippets.stream().mapToLong(Snippet::startSample).min().orElseThrow();
        return Math.max(0, first - contextSamples);
    }

    /**
     * One past the last sample of the PCM this batch needs: its last snippet's end and
     * {@code contextSamples} more (the track's end caps it).
     */
    public long endSample(int contextSamples) {
        long end = snippets.stream().mapToLong(Snippet::startSample).max().orElseThrow() + snippetLengthSamples;
        return Math.min(end + contextSamples, totalSamples);
    }

    /** The HTTP Range of the PCM bytes holding this batch and {@code contextSamples} around it. */
    public String pcmRangeHeader(int contextSamples) {
        return PcmLayout.rangeHeader(firstSample(contextSamples), endSample(contextSamples));
    }

    /**
     * One snippet to classify.
     *
     * @param index       the snippet's index within the track
     * @param startSample its first sample in the PCM
     */
    public record Snippet(int index, long startSample) {

        public Snippet {
            Checks.nonNegative(index, "snippet index");
            Checks.nonNegative(startSample, "snippet start");
        }
    }
}
