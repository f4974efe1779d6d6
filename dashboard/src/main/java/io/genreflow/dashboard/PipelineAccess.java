package io.genreflow.dashboard;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The pipeline's bucket and uploads queue as the dashboard reaches them, and the dashboard's
 * settings. The application that serves the dashboard provides exactly one bean of this type: the
 * local stack from its embedded or external servers, the Lambda package from its environment.
 */
public interface PipelineAccess {

    /** The dashboard's settings, read through {@link DashboardSettings#from}. */
    DashboardSettings settings();

    /** The credentials {@link #s3()} signs with; the dashboard signs browsers' uploads with them too. */
    AwsCredentialsProvider credentials();

    /** A client of the pipeline's S3. */
    S3Client s3();

    /**
     * Signs the URLs browsers use to upload and play audio. It must address S3 the way the
     * browser reaches it, which is the same endpoint as {@link #s3()} in every setup we run.
     */
    S3Presigner presigner();

    /** The pipeline's bucket. */
    default String bucket() {
        return settings().bucket();
    }

    /** A client of the pipeline's SQS, for reprocessing. */
    SqsClient sqs();

    /** The URL of the uploads queue, where reprocessing announces an upload again. */
    String uploadsQueueUrl();

    /** The region S3 events name. */
    String region();
}
