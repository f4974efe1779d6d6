package io.genreflow.infra.aws;

import io.genreflow.contracts.S3Keys;
import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.notifications.SqsDestination;
import software.amazon.awscdk.services.sqs.IQueue;
import software.constructs.Construct;

/**
 * The bucket of uploads, track state and verdicts: private, encrypted, TLS only, with the CORS
 * rules the dashboard's presigned browser uploads need, the working data expiring, and every new
 * object under {@code uploads/} announced on the uploads queue.
 */
public final class PipelineBucket extends Construct {

    /**
     * The headers a browser sets on the dashboard's signed PUT: the dashboard signs Signature V4 in
     * headers (UploadSigner), and upload.js sends exactly those; Host and Content-Length are the
     * browser's own and need no CORS allowance.
     */
    public static final List<String> BROWSER_UPLOAD_HEADERS = List.of("authorization", "content-type",
            "x-amz-content-sha256", "x-amz-date", "x-amz-security-token");

    private final Bucket bucket;

    /**
     * @param bucketName      the bucket's name, or null for a generated one
     * @param workingDataDays days after which the working data under {@code work/} expires
     */
    public PipelineBucket(Construct scope, String id, String bucketName, int workingDataDays) {
        super(scope, id);
        this.bucket = Bucket.Builder.create(this, "Bucket")
                .bucketName(bucketName)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .removalPolicy(RemovalPolicy.RETAIN)
                .lifecycleRules(List.of(
                        LifecycleRule.builder()
                                .id("expire-working-data")
                                .prefix(S3Keys.WORK_PREFIX)
                                .expiration(Duration.days(workingDataDays))
                                .build(),
                        LifecycleRule.builder()
                                .id("abort-incomplete-uploads")
                                .abortIncompleteMultipartUploadAfter(Duration.days(1))
                                .build()))
                .build();
        Nag.accept(bucket, "AwsSolutions-S1", "Access logs would need a second bucket and cost per request; "
                + "every write is by the deployment's own roles, and CloudTrail data events can be enabled for audits");
    }

    /** The bucket. */
    public Bucket bucket() {
        return bucket;
    }

    /**
     * Lets browsers on {@code origins} PUT (presigned uploads) and GET/HEAD (presigned playback)
     * objects directly.
     */
    public void allowBrowserUploads(List<String> origins) {
        bucket.addCorsRule(CorsRule.builder()
                .id("dashboard-presigned-requests")
                .allowedOrigins(origins)
                .allowedMethods(List.of(HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD))
                .allowedHeaders(BROWSER_UPLOAD_HEADERS)
                .exposedHeaders(List.of("ETag"))
                .maxAge(3000)
                .build());
    }

    /**
     * Announces every object created under {@code uploads/} on {@code uploads}, in the standard S3
     * event format; the queue policy CDK adds lets only this bucket send.
     */
    public void announceUploads(IQueue uploads) {
        bucket.addEventNotification(EventType.OBJECT_CREATED, new SqsDestination(uploads),
                NotificationKeyFilter.builder().prefix(S3Keys.UPLOADS_PREFIX).build());
    }
}
