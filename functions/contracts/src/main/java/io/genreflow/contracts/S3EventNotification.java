package io.genreflow.contracts;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The standard S3 event notification JSON, as S3 (or LocalStack, or genreflow's local notifier)
 * puts it in the body of an SQS message: either {@code {"Records": [...]}} or the one-off
 * {@code s3:TestEvent} S3 sends when a notification is configured, which carries no object and
 * must be acknowledged and ignored.
 *
 * <p>Only the fields genreflow reads are modelled; the rest (userIdentity, requestParameters, ...)
 * are ignored. Object keys arrive URL-encoded the way HTML forms encode them ({@code +} for a
 * space, {@code %2B} for a plus); {@link #createdObjects()} decodes them.
 *
 * @param records   the event records; null in a test event
 * @param service   "Amazon S3" in a test event
 * @param event     "s3:TestEvent" in a test event
 * @param time      when a test event was sent
 * @param bucket    the bucket a test event is about
 * @param requestId S3's request id of a test event
 * @param hostId    S3's host id of a test event
 */
public record S3EventNotification(
        @JsonProperty("Records") List<EventRecord> records,
        @JsonProperty("Service") String service,
        @JsonProperty("Event") String event,
        @JsonProperty("Time") String time,
        @JsonProperty("Bucket") String bucket,
        @JsonProperty("RequestId") String requestId,
        @JsonProperty("HostId") String hostId) {

    /** The value of {@code Event} in the message S3 sends when a notification is configured. */
    public static final String TEST_EVENT = "s3:TestEvent";
    /** Event names of new objects start with this, e.g. "ObjectCreated:Put". */
    public static final String OBJECT_CREATED_PREFIX = "ObjectCreated:";

    /** S3 writes event times with milliseconds, even when they are zero. */
    private static final DateTimeFormatter EVENT_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public S3EventNotification {
        if (records == null && !TEST_EVENT.equals(event)) {
            throw new IllegalArgumentException("neither 'Records' nor an s3:TestEvent: not an S3 event notification"
                    + " (if it came through SNS, enable raw message delivery on the subscription)");
        }
        records = records == null ? null : Checks.list(records, "Records");
    }

    /** Parses an SQS message body. */
    public static S3EventNotification parse(String json) {
        return ContractJson.read(json, S3EventNotification.class);
    }

    /** A one-record ObjectCreated:Put notification, as the local notifier emits for a new upload. */
    public static S3EventNotification objectCreated(SourceObject object, String region, Instant eventTime) {
        ObjectEntity entity = new ObjectEntity(encodeKey(object.key()), object.sizeBytes(), object.eTag(),
                object.versionId(), object.sequencer());
        Entity s3 = new Entity("1.0", "genreflow-uploads", new BucketEntity(object.bucket(),
                "arn:aws:s3:::" + object.bucket()), entity);
        EventRecord record = new EventRecord("2.1", "aws:s3", region, EVENT_TIME.format(eventTime),
                OBJECT_CREATED_PREFIX + "Put", s3);
        return new S3EventNotification(List.of(record), null, null, null, null, null, null);
    }

    /** True for the test message S3 sends when a notification is configured; it names no object. */
    @JsonIgnore
    public boolean isTestEvent() {
        return records == null;
    }

    /** The objects this notification says were created, keys decoded; other event types are skipped. */
    public List<SourceObject> createdObjects() {
        if (records == null) {
            return List.of();
        }
        return records.stream()
                .filter(EventRecord::isObjectCreated)
                .map(r -> EventRecord.createdObject(r.s3()))
                .toList();
    }

    /** S3's form-style key encoding; slashes stay readable as S3 leaves them. */
    private static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }

    /**
     * One event.
     *
     * @param eventVersion e.g. "2.1"
     * @param eventSource  "aws:s3"
     * @param awsRegion    the bucket's region
     * @param eventTime    when S3 finished the request (ISO-8601)
     * @param eventName    e.g. "ObjectCreated:Put", "ObjectCreated:CompleteMultipartUpload"
     * @param s3           the bucket and object
     */
    public record EventRecord(String eventVersion, String eventSource, String awsRegion, String eventTime,
                              String eventName, Entity s3) {

        public EventRecord {
            Checks.text(eventName, "eventName");
            if (eventName.startsWith(OBJECT_CREATED_PREFIX)) {
                Checks.present(s3, eventName + " event's s3 section");
                Checks.present(s3.bucket(), eventName + " event's bucket");
                Checks.text(s3.bucket().name(), eventName + " event's bucket name");
                Checks.present(s3.object(), eventName + " event's object");
                Checks.present(s3.object().size(), eventName + " event's object size");
                createdObject(s3);
            }
        }

        /** The object version a creation event announces, key decoded. */
        private static SourceObject createdObject(Entity s3) {
            ObjectEntity object = s3.object();
            return new SourceObject(s3.bucket().name(), object.decodedKey(), object.versionId(), object.eTag(),
                    object.size(), object.sequencer());
        }

        /** Whether this event announces a new object (or a new version of one). */
        @JsonIgnore
        public boolean isObjectCreated() {
            return eventName.startsWith(OBJECT_CREATED_PREFIX);
        }
    }

    /**
     * The {@code s3} section of an event.
     *
     * @param s3SchemaVersion "1.0"
     * @param configurationId the notification configuration's id
     * @param bucket          the bucket
     * @param object          the object
     */
    public record Entity(String s3SchemaVersion, String configurationId, BucketEntity bucket, ObjectEntity object) {
    }

    /**
     * The bucket of an event.
     *
     * @param name the bucket name
     * @param arn  the bucket ARN
     */
    public record BucketEntity(String name, String arn) {
    }

    /**
     * The object of an event.
     *
     * @param key       the key, URL-encoded as S3 sends it
     * @param size      the size in bytes (absent for deletions)
     * @param eTag      the ETag, unquoted
     * @param versionId the version id in a versioned bucket
     * @param sequencer orders events for one key (compare with {@link SourceObject#supersedes})
     */
    public record ObjectEntity(String key, Long size, String eTag, String versionId, String sequencer) {

        public ObjectEntity {
            Checks.text(key, "object key");
            try {
                URLDecoder.decode(key, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("object key '" + key + "' is not validly URL-encoded", e);
            }
        }

        /** The real key: '+' becomes a space and %XX escapes become their UTF-8 characters. */
        public String decodedKey() {
            return URLDecoder.decode(key, StandardCharsets.UTF_8);
        }
    }
}
