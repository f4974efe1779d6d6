package io.genreflow.dashboard.spectrogram;

import io.genreflow.contracts.PcmLayout;
import io.genreflow.contracts.S3Keys;
import io.genreflow.contracts.TrackRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * A track's spectrogram image, drawn once from its decoded PCM and kept in the bucket at
 * {@code tracks/<id>/spectrogram.png}: a track's audio never changes, so the stored image never
 * goes stale, and deleting the track removes it with the rest of {@code tracks/<id>/}.
 */
public final class SpectrogramStore {

    private static final int CHUNK_SAMPLES = 64 * 1024;

    private final S3Client s3;
    private final String bucket;

    public SpectrogramStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The PNG of {@code record}'s audio; empty while (or if) the track has no decoded audio. */
    public Optional<byte[]> of(TrackRecord record) {
        if (record.audio() == null) {
            return Optional.empty();
        }
        String key = S3Keys.spectrogram(record.trackId());
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray());
        } catch (NoSuchKeyException e) {
            Optional<byte[]> drawn = draw(record);
            drawn.ifPresent(png -> s3.putObject(b -> b.bucket(bucket).key(key).contentType("image/png"),
                    RequestBody.fromBytes(png)));
            return drawn;
        }
    }

    private Optional<byte[]> draw(TrackRecord record) {
        SpectrogramImage image = new SpectrogramImage(record.audio().sampleRate(),
                SpectrogramImage.strideFor(record.audio().durationSeconds()));
        byte[] bytes = new byte[CHUNK_SAMPLES * PcmLayout.BYTES_PER_SAMPLE];
        float[] samples = new float[CHUNK_SAMPLES];
        try (InputStream pcm = s3.getObject(b -> b.bucket(bucket).key(S3Keys.pcm(record.trackId())))) {
            int carried = 0;
            for (int read; (read = pcm.read(bytes, carried, bytes.length - carried)) >= 0; ) {
                int available = carried + read;
                int whole = available / PcmLayout.BYTES_PER_SAMPLE;
                ByteBuffer.wrap(bytes, 0, whole * PcmLayout.BYTES_PER_SAMPLE).order(PcmLayout.BYTE_ORDER)
                        .asFloatBuffer().get(samples, 0, whole);
                image.add(samples, whole);
                carried = available - whole * PcmLayout.BYTES_PER_SAMPLE;
                System.arraycopy(bytes, whole * PcmLayout.BYTES_PER_SAMPLE, bytes, 0, carried);
            }
        } catch (NoSuchKeyException e) {
            // A failed track that never got its PCM written, or one whose working data expired
            // before anyone asked for its image.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the PCM of track " + record.trackId(), e);
        }
        return Optional.of(image.png());
    }
}
