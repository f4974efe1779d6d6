package io.genreflow.aggregator;

import io.genreflow.testing.ReferenceVerdict;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Representation;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.splitter.SplitterRoot;
import io.genreflow.splitter.SplitterSettings;
import io.genreflow.split.SplitLimits;
import io.genreflow.fixtures.GeneratedAudio;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/** Uploads travel split → classify (all four representations) → aggregate and end as the local classifier's verdict. */
class PipelineRoundTripTest {

    /** Small batches, so a ten-second track is three messages per representation. */
    private static final int SNIPPETS_PER_BATCH = 4;

    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        pipeline = new Pipeline(SplitLimits.defaults(), SNIPPETS_PER_BATCH);
    }

    @AfterAll
    static void stop() throws Exception {
        pipeline.close();
    }

    @Test
    void anUploadBecomesTheVerdictTheLocalClassifierComputes() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(10.5, 44_100, 1), 44_100, 2);
        SourceObject upload = pipeline.upload("jazz/ten seconds.wav", wav);

        pipeline.process(upload);

        TrackRecord record = pipeline.record(upload.trackId());
        assertEquals(TrackStatus.DONE, record.status());
        assertEquals(Map.of("chroma", 3, "logmel", 3, "spectrogram", 3, "waveform", 3), record.expectedPartials());
        Verdict verdict = pipeline.verdict(upload.trackId()).orElseThrow();
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "jazz/ten seconds.wav", Pipeline.MANIFEST), verdict);
        assertEquals(upload, verdict.source());
        assertEquals(verdict, pipeline.read(S3Keys.verdictForUpload(upload.key()), Verdict.class).orElseThrow(),
                "the copy under verdicts/ is the verdict");
        assertTrue(verdict.timingsMs().keySet().containsAll(List.of("split", "classify.logmel", "aggregate")),
                verdict.timingsMs().toString());
    }

    @Test
    void aOneSecondTrackIsOnePaddedSnippet() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(1.0, 22_050, 2), 22_050, 1);
        SourceObject upload = pipeline.upload("short.wav", wav);

        pipeline.process(upload);

        assertEquals(TrackStatus.DONE, pipeline.record(upload.trackId()).status());
        Verdict verdict = pipeline.verdict(upload.trackId()).orElseThrow();
        assertEquals(1, verdict.timeline().size());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "short.wav", Pipeline.MANIFEST), verdict);
    }

    @Test
    void aDuplicatedUploadEventMakesOneVerdictAndStoresEachResultOnce() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(7.0, 22_050, 3), 22_050, 1);
        SourceObject upload = pipeline.upload("twice.wav", wav);

        pipeline.announce(upload);
        pipeline.announce(upload);
        pipeline.split();
        pipeline.announce(upload);
        pipeline.split();
        pipeline.classify();
        pipeline.aggregate();

        List<String> resultKeys = pipeline.trackKeys(upload.trackId()).stream()
                .filter(k -> k.startsWith(S3Keys.work(upload.trackId())) && k.endsWith(".json"))
                .toList();
        assertEquals(4 * 2, resultKeys.size(), resultKeys.toString());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "twice.wav", Pipeline.MANIFEST),
                pipeline.verdict(upload.trackId()).orElseThrow());
        byte[] verdictBytes = verdictBytes(upload);
        TrackRecord done = pipeline.record(upload.trackId());

        pipeline.process(upload);

        assertEquals(done, pipeline.record(upload.trackId()), "a finished track is left alone");
        assertArrayEquals(verdictBytes, verdictBytes(upload));
        assertTrue(pipeline.batches(Representation.LOGMEL).isEmpty());
    }

    @Test
    void aDeliveryThatLosesTheRaceForTheTrackRecordCarriesOnFromTheWinner() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(5.0, 22_050, 5), 22_050, 1);
        SourceObject upload = pipeline.upload("raced.wav", wav);
        QueueMessage event = Pipeline.message(Pipeline.QUEUES.uploads(), Pipeline.event(upload));
        AtomicBoolean raced = new AtomicBoolean();
        // Just before this delivery records CLASSIFYING, a duplicate delivery splits the track. Its
        // clock differs, so the two records differ as they would in life.
        ExecutionInterceptor duplicateWinsFirst = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof PutObjectRequest put && put.ifMatch() != null
                        && put.key().equals(S3Keys.trackRecord(upload.trackId())) && raced.compareAndSet(false, true)) {
                    try {
                        pipeline.splitter.handle(event);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        try (S3Client racingClient = pipeline.aws.s3Client(config -> config.addExecutionInterceptor(duplicateWinsFirst))) {
            QueueRouter loser = SplitterRoot.wire(racingClient, pipeline.aws.sqs(),
                    new SplitterSettings(Pipeline.BUCKET, Pipeline.QUEUES, Pipeline.MANIFEST, SplitLimits.defaults(),
                            SNIPPETS_PER_BATCH), Clock.offset(Pipeline.CLOCK, Duration.ofSeconds(1)));

            loser.handle(event);
        }

        assertTrue(raced.get(), "the duplicate delivery should have run first");
        assertEquals(TrackStatus.CLASSIFYING, pipeline.record(upload.trackId()).status());
        pipeline.classify();
        pipeline.aggregate();
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "raced.wav", Pipeline.MANIFEST),
                pipeline.verdict(upload.trackId()).orElseThrow());
    }

    @Test
    void resultsInAnyOrderAndTwiceMakeTheSameVerdict() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(9.0, 22_050, 4), 22_050, 1);
        SourceObject upload = pipeline.upload("shuffled.wav", wav);
        pipeline.announce(upload);
        pipeline.split();
        pipeline.classify();
        List<QueueMessage> results = new ArrayList<>(pipeline.results());
        results.addAll(results.subList(0, 5));
        Collections.shuffle(results, new Random(7));

        for (QueueMessage result : results) {
            pipeline.aggregator.handle(result);
        }
        TrackRecord done = pipeline.record(upload.trackId());
        for (QueueMessage result : results.subList(0, 3)) {
            pipeline.aggregator.handle(result);
        }

        assertEquals(TrackStatus.DONE, done.status());
        assertEquals(done, pipeline.record(upload.trackId()), "results after the verdict change nothing");
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "shuffled.wav", Pipeline.MANIFEST),
                pipeline.verdict(upload.trackId()).orElseThrow());
    }

    @Test
    void twoAggregatorsCompletingAtOnceAgreeOnOneFinishedTrack() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(5.0, 22_050, 5), 22_050, 1);
        SourceObject upload = pipeline.upload("race.wav", wav);
        pipeline.announce(upload);
        pipeline.split();
        pipeline.classify();
        List<QueueMessage> results = pipeline.results();
        for (QueueMessage result : results.subList(2, results.size())) {
            pipeline.aggregator.handle(result);
        }

        deliverAtOnce(results.subList(0, 2));

        assertEquals(TrackStatus.DONE, pipeline.record(upload.trackId()).status());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "race.wav", Pipeline.MANIFEST),
                pipeline.verdict(upload.trackId()).orElseThrow());
    }

    @Test
    void aggregatorsTakingEveryResultAtOnceLoseNoBatchFromTheLedger() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(10.0, 22_050, 8), 22_050, 1);
        SourceObject upload = pipeline.upload("crowd.wav", wav);
        pipeline.announce(upload);
        pipeline.split();
        pipeline.classify();

        deliverAtOnce(pipeline.results());

        assertEquals(TrackStatus.DONE, pipeline.record(upload.trackId()).status());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "crowd.wav", Pipeline.MANIFEST),
                pipeline.verdict(upload.trackId()).orElseThrow());
    }

    @Test
    void testEventsAndObjectsOutsideUploadsAreAcknowledgedAndIgnored() throws Exception {
        String testEvent = "{\"Service\":\"Amazon S3\",\"Event\":\"s3:TestEvent\",\"Time\":\"2026-11-21T12:00:00.000Z\","
                + "\"Bucket\":\"" + Pipeline.BUCKET + "\",\"RequestId\":\"5582815E1AEA5ADF\",\"HostId\":\"8cLeGAmw\"}";
        SourceObject elsewhere = new SourceObject(Pipeline.BUCKET, "verdicts/song.wav.json", null, "abc", 10, null);

        pipeline.splitter.handle(Pipeline.message(Pipeline.QUEUES.uploads(), testEvent));
        pipeline.splitter.handle(Pipeline.message(Pipeline.QUEUES.uploads(), Pipeline.event(elsewhere)));

        assertTrue(pipeline.trackKeys(elsewhere.trackId()).isEmpty());
        for (Representation representation : Representation.values()) {
            assertTrue(pipeline.batches(representation).isEmpty(), representation.id());
        }
    }

    /** Hands every result to the aggregator on its own thread, all released at the same moment. */
    private static void deliverAtOnce(List<QueueMessage> results) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(results.size());
        try {
            List<Future<?>> deliveries = new ArrayList<>();
            for (QueueMessage result : results) {
                deliveries.add(threads.submit(() -> {
                    go.await();
                    pipeline.aggregator.handle(result);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> delivery : deliveries) {
                delivery.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static byte[] verdictBytes(SourceObject upload) {
        return pipeline.aws.s3().getObjectAsBytes(b -> b.bucket(Pipeline.BUCKET).key(S3Keys.verdict(upload.trackId())))
                .asByteArray();
    }
}
