package io.genreflow.splitter;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SchemaVersion;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.snippets.Snippet;
import io.genreflow.snippets.SnippetPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a track's snippets are cut into batch messages. The record fixes only how many batches a
 * representation gets; the snippets are spread evenly over them, so the same record always gives
 * the same batches and a resend after a crash repeats exactly what the first send ordered.
 */
final class SnippetBatches {

    private SnippetBatches() {
    }

    /** Batches needed for {@code snippets} with at most {@code perBatch} in each. */
    static int count(int snippets, int perBatch) {
        return Math.ceilDiv(snippets, perBatch);
    }

    /** The message bodies of every batch of {@code representation} for a CLASSIFYING track. */
    static List<String> bodies(TrackRecord track, Representation representation) {
        SnippetPlan plan = track.snippets();
        List<Snippet> snippets = plan.snippets();
        int batches = track.expectedBatches(representation);
        List<String> bodies = new ArrayList<>(batches);
        for (int batch = 0; batch < batches; batch++) {
            int from = (int) ((long) batch * snippets.size() / batches);
            int to = (int) ((long) (batch + 1) * snippets.size() / batches);
            List<SnippetBatchMessage.Snippet> members = snippets.subList(from, to).stream()
                    .map(s -> new SnippetBatchMessage.Snippet(s.index(), s.startSample()))
                    .toList();
            SnippetBatchMessage message = new SnippetBatchMessage(SchemaVersion.CURRENT, track.trackId(), representation,
                    batch, S3Keys.pcm(track.trackId()), plan.sampleRate(), plan.totalSamples(), plan.snippetSamples(),
                    members);
            bodies.add(new String(ContractJson.write(message), StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
