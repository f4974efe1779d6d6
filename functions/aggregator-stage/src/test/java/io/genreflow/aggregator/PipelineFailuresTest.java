package io.genreflow.aggregator;

import io.genreflow.testing.ReferenceVerdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.contracts.Verdict;
import io.genreflow.contracts.Representation;
import io.genreflow.classifier.ClassifierRoot;
import io.genreflow.messaging.QueueMessage;
import io.genreflow.messaging.QueueRouter;
import io.genreflow.contracts.QueueNames;
import io.genreflow.split.SplitLimits;
import io.genreflow.fixtures.GeneratedAudio;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;

/** What dead letters, broken uploads and failing reads make of a track: a clear end, never a stuck one. */
class PipelineFailuresTest {

    /** Uploads up to 200 kB and 4 s, so over-limit files are small. */
    private static final SplitLimits LIMITS = new SplitLimits(200_000, 4.0);
    private static final String DEAD_UPLOADS = QueueNames.deadLetter(Pipeline.QUEUES.uploads());

    private static Pipeline pipeline;

    @BeforeAll
    static void start() throws Exception {
        pipeline = new Pipeline(LIMITS, 1);
    }

    @AfterAll
    static void stop() throws Exception {
        pipeline.close();
    }

    @Test
    void aDeadSnippetBatchLeavesItsRepresentationOutOfADegradedVerdict() throws Exception {
        SourceObject upload = pipeline.upload("dead batch.wav", GeneratedAudio.wav(GeneratedAudio.music(4.0, 22_050, 11), 22_050, 1));
        pipeline.announce(upload);
        pipeline.split();
        List<QueueMessage> logmel = pipeline.batches(Representation.LOGMEL);
        assertEquals(3, logmel.size(), "one snippet a batch: 0 s, 0.9985 s and the tail");

        pipeline.aggregator.handle(deadLetter(logmel.get(0)));
        pipeline.classifiers.get(Representation.LOGMEL).handle(logmel.get(1));
        pipeline.classifiers.get(Representation.LOGMEL).handle(logmel.get(2));
        pipeline.classify();
        pipeline.aggregate();

        assertEquals(TrackStatus.DONE, pipeline.record(upload.trackId()).status());
        Verdict verdict = pipeline.verdict(upload.trackId()).orElseThrow();
        assertTrue(verdict.degraded());
        assertEquals(List.of("logmel"), verdict.missingRepresentations());
        assertFalse(verdict.trackScores().containsKey("logmel"), "half a representation is not used");
    }

    @Test
    void whenEveryRepresentationIsDeadTheTrackFailsWithTheReason() throws Exception {
        SourceObject upload = pipeline.upload("all dead.wav", GeneratedAudio.wav(GeneratedAudio.music(2.0, 22_050, 12), 22_050, 1));
        pipeline.announce(upload);
        pipeline.split();

        for (Representation representation : Representation.values()) {
            for (QueueMessage batch : pipeline.batches(representation)) {
                pipeline.aggregator.handle(deadLetter(batch));
            }
        }

        TrackRecord record = pipeline.record(upload.trackId());
        assertEquals(TrackStatus.FAILED, record.status());
        assertEquals(PipelineStage.CLASSIFIER, record.failure().stage());
        assertTrue(record.failure().reason().contains("no verdict possible"), record.failure().reason());
        assertTrue(pipeline.verdict(upload.trackId()).isEmpty());
    }

    @Test
    void aDeadUploadEventFailsItsTrackAndLeavesFinishedTracksAlone() throws Exception {
        SourceObject never = pipeline.upload("never split.wav", GeneratedAudio.wav(GeneratedAudio.music(2.0, 22_050, 13), 22_050, 1));
        SourceObject done = pipeline.upload("done.wav", GeneratedAudio.wav(GeneratedAudio.music(2.0, 22_050, 14), 22_050, 1));
        pipeline.process(done);
        TrackRecord finished = pipeline.record(done.trackId());

        pipeline.aggregator.handle(Pipeline.message(DEAD_UPLOADS, Pipeline.event(never, done)));

        TrackRecord failed = pipeline.record(never.trackId());
        assertEquals(TrackStatus.FAILED, failed.status());
        assertEquals(PipelineStage.SPLITTER, failed.failure().stage());
        assertTrue(failed.failure().reason().contains("splitter gave up"), failed.failure().reason());
        assertEquals(finished, pipeline.record(done.trackId()));
    }

    @Test
    void brokenUploadsFailWithAnActionableReasonWithoutDisturbingATrackBesideThem() throws Exception {
        SourceObject corrupt = pipeline.upload("corrupt.wav", wavWithZeroChannels());
        SourceObject empty = pipeline.upload("empty.mp3", new byte[0]);
        SourceObject text = pipeline.upload("notes.wav", "these are my notes, not audio".getBytes(StandardCharsets.UTF_8));
        SourceObject large = pipeline.upload("large.wav", GeneratedAudio.wav(GeneratedAudio.music(3.0, 44_100, 15), 44_100, 2));
        SourceObject longer = pipeline.upload("long.wav", GeneratedAudio.wav(GeneratedAudio.music(6.0, 8_000, 16), 8_000, 1));
        byte[] goodWav = GeneratedAudio.wav(GeneratedAudio.music(2.0, 22_050, 17), 22_050, 1);
        SourceObject good = pipeline.upload("good.wav", goodWav);

        pipeline.process(corrupt, empty, text, large, longer, good);

        assertFailed(corrupt, "WAV");
        assertFailed(empty, "empty");
        assertFailed(text, "not audio");
        assertFailed(large, "larger than the limit of 200000 bytes");
        assertFailed(longer, "longer than the limit of 4.0 s");
        assertEquals(TrackStatus.DONE, pipeline.record(good.trackId()).status());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(goodWav, "good.wav", Pipeline.MANIFEST),
                pipeline.verdict(good.trackId()).orElseThrow());
    }

    @Test
    void malformedMessagesThrowSoTheyEndInADeadLetterQueue() {
        for (String body : List.of("not json", "{}", "{\"schemaVersion\":1}")) {
            assertThrows(MalformedContractException.class,
                    () -> pipeline.splitter.handle(Pipeline.message(Pipeline.QUEUES.uploads(), body)));
            assertThrows(MalformedContractException.class, () -> pipeline.classifiers.get(Representation.CHROMA)
                    .handle(Pipeline.message(Pipeline.QUEUES.snippets(Representation.CHROMA), body)));
            assertThrows(MalformedContractException.class,
                    () -> pipeline.aggregator.handle(Pipeline.message(Pipeline.QUEUES.results(), body)));
        }
        assertThrows(IllegalArgumentException.class,
                () -> pipeline.aggregator.handle(Pipeline.message(Pipeline.QUEUES.uploads(), "{}")));
    }

    @Test
    void aDeadPartialResultCountsItsBatchAsFailed() throws Exception {
        SourceObject upload = pipeline.upload("dead result.wav", GeneratedAudio.wav(GeneratedAudio.music(4.0, 22_050, 20), 22_050, 1));
        List<QueueMessage> results = classified(upload);
        QueueMessage dead = results.stream().filter(PipelineFailuresTest::isChroma).findFirst().orElseThrow();

        pipeline.aggregator.handle(deadLetter(dead));
        for (QueueMessage result : results) {
            if (result != dead) {
                pipeline.aggregator.handle(result);
            }
        }

        assertDoneWithoutChroma(upload);
        int deadBatch = ContractJson.read(dead.body(), PartialResult.class).batch();
        assertTrue(pipeline.trackKeys(upload.trackId()).contains(
                S3Keys.batchFailure(upload.trackId(), Representation.CHROMA, deadBatch)));
    }

    @Test
    void aRepresentationWhoseResultsExpiredBeforeTheVerdictIsLeftOutInsteadOfWaitedFor() throws Exception {
        SourceObject upload = pipeline.upload("slow track.wav", GeneratedAudio.wav(GeneratedAudio.music(2.0, 22_050, 23), 22_050, 1));
        List<QueueMessage> results = classified(upload);
        QueueMessage last = results.stream().filter(r -> !isChroma(r)).findFirst().orElseThrow();
        for (QueueMessage result : results) {
            if (result != last) {
                pipeline.aggregator.handle(result);
            }
        }
        // What the lifecycle rule does to working data older than its days.
        pipeline.aws.s3().deleteObject(d -> d.bucket(Pipeline.BUCKET)
                .key(S3Keys.partialResult(upload.trackId(), Representation.CHROMA, 0)));

        pipeline.aggregator.handle(last);

        assertDoneWithoutChroma(upload);
    }

    /** Runs {@code upload} through the splitter and classifiers; the partial results, undelivered. */
    private static List<QueueMessage> classified(SourceObject upload) throws Exception {
        pipeline.announce(upload);
        pipeline.split();
        pipeline.classify();
        return pipeline.results();
    }

    private static boolean isChroma(QueueMessage result) {
        return result.body().contains("\"representation\":\"chroma\"");
    }

    private static void assertDoneWithoutChroma(SourceObject upload) {
        assertEquals(TrackStatus.DONE, pipeline.record(upload.trackId()).status());
        Verdict verdict = pipeline.verdict(upload.trackId()).orElseThrow();
        assertTrue(verdict.degraded());
        assertEquals(List.of("chroma"), verdict.missingRepresentations());
    }

    @Test
    void deadLettersItCannotUseAreAcknowledgedBecauseNothingWouldEverDeliverThemElsewhere() throws Exception {
        SourceObject upload = pipeline.upload("classifying.wav", GeneratedAudio.wav(GeneratedAudio.music(2.0, 22_050, 21), 22_050, 1));
        pipeline.announce(upload);
        pipeline.split();
        pipeline.classify();
        List<QueueMessage> results = pipeline.results();
        List<String> keysBefore = pipeline.trackKeys(upload.trackId());
        String result = results.getFirst().body();
        String outOfRange = result.replaceFirst("\"batch\":0", "\"batch\":99");
        String unknownTrack = result.replace(upload.trackId().toString(), "0".repeat(upload.trackId().toString().length()));

        List<String> deadQueues = pipeline.aggregator.queues().subList(1, pipeline.aggregator.queues().size());
        for (String queue : deadQueues) {
            for (String body : List.of("not json", "{}", "{\"schemaVersion\":1}", outOfRange, unknownTrack)) {
                pipeline.aggregator.handle(Pipeline.message(queue, body));
            }
        }

        assertEquals(keysBefore, pipeline.trackKeys(upload.trackId()), "no dead letter touched the track");
        assertEquals(TrackStatus.CLASSIFYING, pipeline.record(upload.trackId()).status());
        for (QueueMessage message : results) {
            pipeline.aggregator.handle(message);
        }
        assertEquals(TrackStatus.DONE, pipeline.record(upload.trackId()).status());
    }

    @Test
    void aDeadLetterIsRetriedWhileS3CannotBeReached() throws Exception {
        SourceObject upload = pipeline.upload("unreachable.wav", GeneratedAudio.wav(GeneratedAudio.music(2.0, 22_050, 22), 22_050, 1));
        pipeline.announce(upload);
        pipeline.split();
        QueueMessage batch = pipeline.batches(Representation.WAVEFORM).getFirst();
        try (S3Client unreachable = pipeline.aws.s3Client(config -> config.addExecutionInterceptor(
                new FailEveryRequest()))) {
            QueueRouter aggregator = AggregatorRoot.wire(unreachable,
                    new AggregatorSettings(Pipeline.BUCKET, Pipeline.QUEUES, Pipeline.MANIFEST, 3), Pipeline.CLOCK);

            assertThrows(UncheckedIOException.class, () -> aggregator.handle(deadLetter(batch)));
        }
        pipeline.aggregator.handle(deadLetter(batch));
        int deadBatch = ContractJson.read(batch.body(), SnippetBatchMessage.class).batch();
        assertTrue(pipeline.trackKeys(upload.trackId()).contains(
                S3Keys.batchFailure(upload.trackId(), Representation.WAVEFORM, deadBatch)), "noted once S3 answers");
    }

    @Test
    void aClassifierWhoseReadFailsOnceGivesTheRightResultWhenTheBatchComesBack() throws Exception {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(3.0, 22_050, 18), 22_050, 1);
        SourceObject upload = pipeline.upload("flaky read.wav", wav);
        pipeline.announce(upload);
        pipeline.split();
        QueueMessage batch = pipeline.batches(Representation.SPECTROGRAM).get(0);
        AtomicInteger rangedReads = new AtomicInteger();
        try (S3Client flaky = pipeline.aws.s3Client(config -> config.addExecutionInterceptor(
                new FailFirstRangedRead(rangedReads)));
             QueueRouter classifier = ClassifierRoot.wire(flaky, pipeline.aws.sqs(),
                     Pipeline.classifierSettings(Representation.SPECTROGRAM))) {

            assertThrows(UncheckedIOException.class, () -> classifier.handle(batch));
            assertTrue(pipeline.results().isEmpty(), "nothing was sent for the failed attempt");
            classifier.handle(new QueueMessage(batch.queue(), batch.messageId(), batch.body(), 2));
        }
        pipeline.classify();
        pipeline.aggregate();

        assertEquals(2, rangedReads.get());
        ReferenceVerdict.assertSame(ReferenceVerdict.of(wav, "flaky read.wav", Pipeline.MANIFEST),
                pipeline.verdict(upload.trackId()).orElseThrow());
    }

    private static void assertFailed(SourceObject upload, String reasonMentions) {
        TrackRecord record = pipeline.record(upload.trackId());
        assertEquals(TrackStatus.FAILED, record.status(), upload.key());
        assertEquals(PipelineStage.SPLITTER, record.failure().stage());
        assertTrue(record.failure().reason().contains(reasonMentions), record.failure().reason());
        assertTrue(pipeline.trackKeys(upload.trackId()).stream().noneMatch(key -> key.equals(S3Keys.pcm(upload.trackId()))),
                "no PCM is left behind");
    }

    /** The message as the aggregator receives it once SQS has moved it to the dead-letter queue. */
    private static QueueMessage deadLetter(QueueMessage message) {
        return Pipeline.message(QueueNames.deadLetter(message.queue()), message.body());
    }

    private static byte[] wavWithZeroChannels() {
        byte[] wav = GeneratedAudio.wav(GeneratedAudio.music(1.0, 22_050, 19), 22_050, 1);
        ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).putShort(22, (short) 0);
        return wav;
    }

    /** Breaks every request as an unreachable S3 would. */
    private record FailEveryRequest() implements ExecutionInterceptor {

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            throw new UncheckedIOException(new IOException("connection refused (injected by the test)"));
        }
    }

    /** Breaks the first ranged GET as a dropped connection would. */
    private record FailFirstRangedRead(AtomicInteger rangedReads) implements ExecutionInterceptor {

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof GetObjectRequest get && get.range() != null
                    && rangedReads.incrementAndGet() == 1) {
                throw new UncheckedIOException(new IOException("connection reset (injected by the test)"));
            }
        }
    }
}
