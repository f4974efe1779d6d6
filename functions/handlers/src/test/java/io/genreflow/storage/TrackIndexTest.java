package io.genreflow.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackId;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.testing.LocalAws;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The track index against a real S3 (S3Proxy): the store's writes keep it current, and racing writers lose nothing. */
class TrackIndexTest {

    private static final String BUCKET = "index-test";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private static LocalAws aws;
    private static TrackStore store;
    private static TrackIndex index;

    @BeforeAll
    static void start() throws Exception {
        aws = LocalAws.start();
        aws.createBucket(BUCKET);
        store = new TrackStore(aws.s3(), BUCKET);
        index = new TrackIndex(store);
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
    }

    @Test
    void recordWritesKeepTheEntryCurrent() {
        TrackRecord splitting = TrackRecord.splitting(upload("index/a.wav"), "m1", NOW);
        Stored<TrackRecord> created = store.createTrack(splitting);
        assertEquals("SPLITTING", entry(splitting.trackId()).status());

        store.replaceTrack(created, splitting.withFailed(PipelineStage.SPLITTER, "MP3: truncated", NOW.plusSeconds(1)));
        TrackIndexEntry failed = entry(splitting.trackId());
        assertEquals("FAILED", failed.status());
        assertEquals("MP3: truncated", failed.failureReason());
        assertEquals("index/a.wav", failed.name());

        index.update(splitting.trackId(), entry -> null);
        assertNull(shard(splitting.trackId()).get(splitting.trackId().value()));
    }

    @Test
    void racingWritersToOneShardLoseNoEntry() throws Exception {
        List<TrackRecord> records = new ArrayList<>();
        for (int i = 0; records.size() < 24; i++) {
            TrackRecord record = TrackRecord.splitting(upload("race/" + i + ".wav"), "m1", NOW);
            if (S3Keys.indexShardOf(record.trackId()) == 7) {
                records.add(record);
            }
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> writes = new ArrayList<>();
            for (TrackRecord record : records) {
                writes.add(pool.submit(() -> index.update(record.trackId(), entry -> TrackIndexEntry.of(record, entry))));
            }
            for (Future<?> write : writes) {
                write.get();
            }
        }
        Map<String, TrackIndexEntry> entries = store.read(S3Keys.indexShard(7), TrackIndexShard.class).value().tracks();
        for (TrackRecord record : records) {
            assertTrue(entries.containsKey(record.trackId().value()), "lost " + record.name());
        }
    }

    @Test
    void anOlderRecordVersionDoesNotOverwriteANewerEntry() {
        TrackRecord splitting = TrackRecord.splitting(upload("index/b.wav"), "m1", NOW);
        Stored<TrackRecord> created = store.createTrack(splitting);
        TrackRecord failed = splitting.withFailed(PipelineStage.SPLITTER, "broken", NOW.plusSeconds(5));
        index.update(failed.trackId(), entry -> TrackIndexEntry.of(failed, entry));
        assertTrue(entry(failed.trackId()).isNewerThan(created.value()));
    }

    private static TrackIndexEntry entry(TrackId id) {
        return shard(id).get(id.value());
    }

    private static Map<String, TrackIndexEntry> shard(TrackId id) {
        return store.read(S3Keys.indexShard(S3Keys.indexShardOf(id)), TrackIndexShard.class).value().tracks();
    }

    private static SourceObject upload(String name) {
        return new SourceObject(BUCKET, "uploads/" + name, null, Integer.toHexString(name.hashCode()), 100, null);
    }
}
