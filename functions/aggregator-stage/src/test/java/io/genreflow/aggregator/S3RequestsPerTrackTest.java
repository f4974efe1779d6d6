package io.genreflow.aggregator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.Representation;
import io.genreflow.contracts.SchemaVersion;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.fixtures.GeneratedAudio;
import io.genreflow.manifest.ModelManifest;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.split.SplitLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 requests the aggregator makes for one track, counted by an SDK interceptor while it takes
 * every partial result of a 3-minute and a 60-minute track in shuffled order: a fixed handful per
 * result, none of them a listing, so the cost grows with the batch count, not its square. The
 * figures are printed for docs/pipeline-benchmarks.md.
 */
class S3RequestsPerTrackTest {

    /** Per result: read the record, store the result, read and replace the ledger. */
    private static final int REQUESTS_PER_RESULT = 4;

    @ParameterizedTest
    @ValueSource(ints = {3, 60})
    void theAggregatorsRequestsGrowLinearlyWithTheTracksBatches(int minutes) throws Exception {
        ModelManifest manifest = ModelManifest.read(Pipeline.MANIFEST);
        try (Pipeline pipeline = new Pipeline(SplitLimits.defaults(), 32)) {
            // 8 kHz keeps the hour-long upload small; the splitter resamples it to the model's rate.
            SourceObject upload = pipeline.upload("long.wav", GeneratedAudio.toneWav(minutes * 60, 440, 8_000));
            pipeline.announce(upload);
            pipeline.split();
            List<QueueMessage> results = scoredResults(pipeline, manifest);
            Map<String, AtomicLong> requests = new TreeMap<>();
            try (S3Client counting = pipeline.aws.s3Client(config -> config.addExecutionInterceptor(counter(requests)));
                 QueueRouter aggregator = AggregatorRoot.wire(counting,
                         new AggregatorSettings(Pipeline.BUCKET, Pipeline.QUEUES, Pipeline.MANIFEST, 3), Pipeline.CLOCK)) {
                for (QueueMessage result : results) {
                    aggregator.handle(result);
                }
            }

            long total = requests.values().stream().mapToLong(AtomicLong::get).sum();
            System.out.println("S3 requests for a " + minutes + "-minute track: " + results.size() + " results, "
                    + total + " requests " + requests);
            assertEquals(TrackStatus.DONE, pipeline.record(upload.trackId()).status());
            assertFalse(requests.containsKey("ListObjectsV2"), "no listing: " + requests);
            // The verdict reads every result once more and writes two copies of itself.
            long bound = (long) (REQUESTS_PER_RESULT + 1) * results.size() + 10;
            assertTrue(total <= bound, total + " requests for " + results.size() + " results: " + requests);
        }
    }

    /** A made-up result for every batch the splitter sent, shuffled: the aggregator only counts. */
    private static List<QueueMessage> scoredResults(Pipeline pipeline, ModelManifest manifest) {
        Random random = new Random(1);
        List<QueueMessage> results = new ArrayList<>();
        for (Representation representation : Representation.values()) {
            for (QueueMessage message : pipeline.batches(representation)) {
                SnippetBatchMessage batch = ContractJson.read(message.body(), SnippetBatchMessage.class);
                List<PartialResult.SnippetScores> scores = batch.snippets().stream()
                        .map(s -> new PartialResult.SnippetScores(s.index(), IntStream.range(0, manifest.labels().size())
                                .mapToObj(label -> random.nextFloat()).toList()))
                        .toList();
                PartialResult result = new PartialResult(SchemaVersion.CURRENT, batch.trackId(), representation,
                        batch.batch(), scores, manifest.modelVersion(), Map.of());
                results.add(Pipeline.message(Pipeline.QUEUES.results(),
                        new String(ContractJson.write(result), StandardCharsets.UTF_8)));
            }
        }
        Collections.shuffle(results, random);
        return results;
    }

    private static ExecutionInterceptor counter(Map<String, AtomicLong> requests) {
        return new ExecutionInterceptor() {
            @Override
            public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
                synchronized (requests) {
                    requests.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                            operation -> new AtomicLong()).incrementAndGet();
                }
            }
        };
    }
}
