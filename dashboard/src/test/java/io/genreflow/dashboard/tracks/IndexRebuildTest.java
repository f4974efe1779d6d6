package io.genreflow.dashboard.tracks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.ContractJson;
import io.genreflow.contracts.PipelineStage;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.SourceObject;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.TrackStatus;
import io.genreflow.testing.LocalAws;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A bucket whose tracks predate the index gets one on the first listing, against a real S3 (S3Proxy). */
class IndexRebuildTest {

    private static final String BUCKET = "rebuild-test";

    private static LocalAws aws;
    private static S3Client s3;

    @BeforeAll
    static void start() {
        aws = LocalAws.start();
        aws.createBucket(BUCKET);
        s3 = aws.s3();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    @Test
    void indexesTracksWrittenBeforeTheIndexExisted() {
        // Written straight to S3, as a release without the index left them.
        TrackRecord failed = TrackRecord.splitting(new SourceObject(BUCKET, "uploads/old.mp3", null, "abc", 10, null),
                "m1", Instant.parse("2026-11-01T00:00:00Z"))
                .withFailed(PipelineStage.SPLITTER, "MP3: no frames", Instant.parse("2026-11-01T00:00:01Z"));
        s3.putObject(p -> p.bucket(BUCKET).key(S3Keys.trackRecord(failed.trackId())),
                RequestBody.fromBytes(ContractJson.write(failed)));

        try (TrackCatalog catalog = new TrackCatalog(s3, BUCKET, 0.5)) {
            List<TrackSummary> tracks = catalog.all();
            assertEquals(1, tracks.size());
            assertEquals(TrackStatus.FAILED, tracks.getFirst().status());
            assertEquals("MP3: no frames", tracks.getFirst().failureReason());
        }
        assertTrue(s3.headObject(h -> h.bucket(BUCKET).key(S3Keys.indexShard(S3Keys.indexShardOf(failed.trackId()))))
                .contentLength() > 0, "the shard was written");
    }
}
