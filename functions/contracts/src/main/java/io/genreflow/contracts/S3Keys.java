package io.genreflow.contracts;


import java.nio.charset.StandardCharsets;

/**
 * The bucket's key layout, in one place:
 *
 * <pre>
 * uploads/&lt;name&gt;                                     the user's files; genreflow never modifies them
 * tracks/&lt;id&gt;/track.json                            {@link TrackRecord}: status, plan, failure reason
 * tracks/&lt;id&gt;/batches.json                          {@link BatchLedger}: which batches have a result or failed
 * tracks/&lt;id&gt;/verdict.json                          {@link Verdict}
 * tracks/&lt;id&gt;/tags.json                             the upload's title and artist tags, kept by the dashboard
 * tracks/&lt;id&gt;/spectrogram.png                       the track's spectrogram image, drawn by the dashboard
 * verdicts/&lt;name&gt;.json                              a copy of the verdict for uploads/&lt;name&gt;
 * index/tracks-&lt;h&gt;.json                             one shard of the track index: the tracks whose id starts with hex digit &lt;h&gt;
 * work/&lt;id&gt;/audio.pcm                               decoded mono audio, laid out as {@link PcmLayout} says
 * work/&lt;id&gt;/results/&lt;representation&gt;/&lt;batch&gt;.json    {@link PartialResult} of one snippet batch
 * work/&lt;id&gt;/results/&lt;representation&gt;/&lt;batch&gt;.failed.json  {@link BatchFailure}: the batch went to a dead-letter queue
 * </pre>
 *
 * <p><b>Working data.</b> Everything under {@code work/} is needed only while a track is
 * processed: once the verdict (or the failure) is in {@code tracks/<id>/}, nothing reads it but
 * the dashboard's first drawing of a spectrogram. It has a prefix of its own because S3 lifecycle
 * rules select objects by key prefix, so a deployment can expire {@code work/} after some days
 * while the records and verdicts beside the uploads stay.
 *
 * <p>{@code <id>} is a {@link TrackId}; {@code <representation>} a representation id such as
 * {@code logmel}; {@code <batch>} the batch index zero-padded to {@value #BATCH_DIGITS} digits, so
 * listing a representation's results returns them in batch order.
 *
 * <p><b>Finding a verdict without the dashboard.</b> For {@code uploads/jazz/take five.mp3}, read
 * {@code verdicts/jazz/take five.mp3.json}: the name under {@code uploads/} plus {@code .json}
 * (the audio extension stays, so {@code song.mp3} and {@code song.wav} do not collide). The
 * aggregator writes this copy of {@code tracks/<id>/verdict.json} when the verdict is ready. If the
 * same key is uploaded again, the copy describing the newest object version wins (see
 * {@link SourceObject#supersedes}), and its {@code source} field says which version that is. While
 * a track is processing, or after it failed, there is no copy yet: derive the track id from the
 * bucket, key and version id or ETag (as {@code aws s3api head-object} shows them) with
 * {@link TrackId#derive} and read {@code tracks/<id>/track.json} for the status and the reason.
 * The copies live outside {@code uploads/}, so writing them never triggers an upload notification.
 *
 * <p>Upload names are what follows {@code uploads/}: non-empty path segments separated by single
 * slashes, none of them {@code .} or {@code ..}, no control characters, and at most
 * {@value #MAX_NAME_BYTES} bytes of UTF-8 so the derived verdict key stays within S3's 1024-byte
 * limit. A key ending in a slash is a folder marker, not a file.
 */
public final class S3Keys {

    /** Where users drop audio; the only prefix that triggers processing. */
    public static final String UPLOADS_PREFIX = "uploads/";
    /** Where each track's lasting documents live: record, ledger, verdict, tags, spectrogram. */
    public static final String TRACKS_PREFIX = "tracks/";
    /** Where each track's working data lives (decoded audio, partial results); safe to expire. */
    public static final String WORK_PREFIX = "work/";
    private static final String PCM_FILE = "audio.pcm";
    private static final String RESULTS_FOLDER = "results/";
    /** Every track's decoded audio, as a policy's key pattern. */
    public static final String ANY_PCM = WORK_PREFIX + "*/" + PCM_FILE;
    /** Every track's partial results and batch failure notes, as a policy's key pattern. */
    public static final String ANY_RESULTS = WORK_PREFIX + "*/" + RESULTS_FOLDER + "*";
    /** Where verdicts are copied under the upload's own name. */
    public static final String VERDICTS_PREFIX = "verdicts/";
    /** Where the track index's shards live. */
    public static final String INDEX_PREFIX = "index/";
    /** Shards of the track index: one per first hex digit of a track id. */
    public static final int INDEX_SHARDS = 16;
    /** Digits of a zero-padded batch number. */
    public static final int BATCH_DIGITS = 6;

    private static final String JSON = ".json";
    private static final String FAILED_JSON = ".failed.json";
    /** Longest upload name: S3's 1024-byte key limit minus "verdicts/" and ".json" around it. */
    public static final int MAX_NAME_BYTES = 1010;
    private static final int MAX_BATCH = (int) Math.pow(10, BATCH_DIGITS) - 1;

    private S3Keys() {
    }

    /** The key a file named {@code name} is uploaded to. */
    public static String upload(String name) {
        return UPLOADS_PREFIX + validName(name);
    }

    /** Whether {@code key} is an uploaded file genreflow should process (not a folder marker, not elsewhere). */
    public static boolean isUpload(String key) {
        if (key == null || !key.startsWith(UPLOADS_PREFIX)) {
            return false;
        }
        try {
            validName(key.substring(UPLOADS_PREFIX.length()));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The name of an upload: its key without {@code uploads/}. */
    public static String uploadName(String uploadKey) {
        if (uploadKey == null || !uploadKey.startsWith(UPLOADS_PREFIX)) {
            throw new IllegalArgumentException("'" + uploadKey + "' is not under " + UPLOADS_PREFIX);
        }
        return validName(uploadKey.substring(UPLOADS_PREFIX.length()));
    }

    /** The common prefix of a track's lasting documents. */
    public static String track(TrackId id) {
        return TRACKS_PREFIX + id.value() + "/";
    }

    /** The common prefix of a track's working data. */
    public static String work(TrackId id) {
        return WORK_PREFIX + id.value() + "/";
    }

    /** The track record. */
    public static String trackRecord(TrackId id) {
        return track(id) + "track.json";
    }

    /** The decoded audio, see {@link PcmLayout}. */
    public static String pcm(TrackId id) {
        return work(id) + PCM_FILE;
    }

    /** The aggregator's ledger of accounted batches. */
    public static String batchLedger(TrackId id) {
        return track(id) + "batches.json";
    }

    /** The prefix to list one representation's partial results under. */
    public static String partialResults(TrackId id, Representation representation) {
        return work(id) + RESULTS_FOLDER + representation.id() + "/";
    }

    /** The partial result of one snippet batch. */
    public static String partialResult(TrackId id, Representation representation, int batch) {
        return batchKey(id, representation, batch) + JSON;
    }

    /** The note that one snippet batch failed for good, beside where its result would be. */
    public static String batchFailure(TrackId id, Representation representation, int batch) {
        return batchKey(id, representation, batch) + FAILED_JSON;
    }

    /** The verdict document. */
    public static String verdict(TrackId id) {
        return track(id) + "verdict.json";
    }

    /** The upload's tags as the dashboard read them. */
    public static String tags(TrackId id) {
        return track(id) + "tags.json";
    }

    /** The track's spectrogram image (PNG). */
    public static String spectrogram(TrackId id) {
        return track(id) + "spectrogram.png";
    }

    /** The track index shard {@code shard} (0 to {@value #INDEX_SHARDS} - 1). */
    public static String indexShard(int shard) {
        if (shard < 0 || shard >= INDEX_SHARDS) {
            throw new IllegalArgumentException("index shard " + shard + " is outside 0.." + (INDEX_SHARDS - 1));
        }
        return INDEX_PREFIX + "tracks-" + Character.forDigit(shard, INDEX_SHARDS) + JSON;
    }

    /** The index shard that holds {@code id}: its first hex digit. */
    public static int indexShardOf(TrackId id) {
        return Character.digit(id.value().charAt(0), INDEX_SHARDS);
    }

    /** Where a user finds the verdict for {@code uploadKey} without knowing the track id. */
    public static String verdictForUpload(String uploadKey) {
        return VERDICTS_PREFIX + uploadName(uploadKey) + JSON;
    }

    private static String batchKey(TrackId id, Representation representation, int batch) {
        if (batch < 0 || batch > MAX_BATCH) {
            throw new IllegalArgumentException("batch " + batch + " is outside 0.." + MAX_BATCH);
        }
        return partialResults(id, representation) + String.format("%0" + BATCH_DIGITS + "d", batch);
    }

    private static String validName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an upload needs a file name after " + UPLOADS_PREFIX);
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_NAME_BYTES) {
            throw new IllegalArgumentException("upload name is " + bytes + " bytes; at most " + MAX_NAME_BYTES
                    + " are supported");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("upload name '" + name.replaceAll("\\p{Cntrl}", "?")
                    + "' contains control characters; rename the file");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty()) {
                throw new IllegalArgumentException("upload name '" + name + "' has an empty path segment"
                        + " (leading, trailing or doubled '/'); a trailing '/' marks a folder, not a file");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("upload name '" + name + "' contains a '" + segment
                        + "' segment; use plain folder names");
            }
        }
        return name;
    }
}
