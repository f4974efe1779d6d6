package io.genreflow.infra.aws;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The bucket: private, encrypted, TLS only, CORS for the dashboard, expiring working data, upload notifications. */
class StorageTest {

    private final Template template = Synthesized.DEFAULT.template();

    @Test
    void theBucketIsPrivateAndEncrypted() {
        template.resourceCountIs("AWS::S3::Bucket", 1);
        template.hasResourceProperties("AWS::S3::Bucket", Map.of(
                "PublicAccessBlockConfiguration", Map.of("BlockPublicAcls", true, "BlockPublicPolicy", true,
                        "IgnorePublicAcls", true, "RestrictPublicBuckets", true),
                "BucketEncryption", Map.of("ServerSideEncryptionConfiguration", List.of(
                        Map.of("ServerSideEncryptionByDefault", Map.of("SSEAlgorithm", "AES256")))),
                "OwnershipControls", Map.of("Rules", List.of(Map.of("ObjectOwnership", "BucketOwnerEnforced")))));
    }

    @Test
    void theBucketPolicyDeniesEveryRequestWithoutTls() {
        template.hasResourceProperties("AWS::S3::BucketPolicy", Map.of("PolicyDocument", Map.of("Statement",
                Match.arrayWith(List.of(Match.objectLike(Map.of("Effect", "Deny", "Action", "s3:*",
                        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")))))))));
    }

    @Test
    void browsersOnTheDashboardsOriginMayPutAndGetWithPresignedUrls() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("CorsConfiguration", Map.of("CorsRules", List.of(
                Map.of("Id", "dashboard-presigned-requests",
                        "AllowedMethods", List.of("PUT", "GET", "HEAD"),
                        "AllowedHeaders", List.of("authorization", "content-type", "x-amz-content-sha256", "x-amz-date",
                                "x-amz-security-token"),
                        "AllowedOrigins", List.of(Map.of("Fn::GetAtt", List.of(
                                Synthesized.DEFAULT.logicalId(Synthesized.DEFAULT.stack().dashboardApi().orElseThrow().api()),
                                "ApiEndpoint"))),
                        "ExposedHeaders", List.of("ETag"),
                        "MaxAge", 3000)))));
    }

    @Test
    void extraOriginsAreAllowedWithoutTheDashboard() {
        Synthesized.VARIANT.template().hasResourceProperties("AWS::S3::Bucket", Map.of("CorsConfiguration",
                Map.of("CorsRules", List.of(Match.objectLike(Map.of("AllowedOrigins", List.of("http://localhost:8080")))))));
    }

    @Test
    void workingDataExpiresUnderItsOwnPrefixAfterTheConfiguredDaysAndUnfinishedUploadsAfterOne() {
        template.hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration", Map.of("Rules", List.of(
                expiry(7),
                Map.of("Id", "abort-incomplete-uploads", "Status", "Enabled",
                        "AbortIncompleteMultipartUpload", Map.of("DaysAfterInitiation", 1))))));
        Synthesized.VARIANT.template().hasResourceProperties("AWS::S3::Bucket", Map.of("LifecycleConfiguration",
                Map.of("Rules", Match.arrayWith(List.of(expiry(3))))));
    }

    /** The expiry rule: everything under work/, no tag filter (no writer tags objects). */
    private static Map<String, Object> expiry(int days) {
        return Map.of("Id", "expire-working-data", "Status", "Enabled", "Prefix", "work/", "ExpirationInDays", days,
                "TagFilters", Match.absent());
    }

    @Test
    void newUploadsAreAnnouncedOnTheUploadsQueueAndOnlyThisBucketMaySend() {
        String bucket = Synthesized.DEFAULT.logicalId(Synthesized.DEFAULT.stack().bucket().bucket());
        String uploads = Synthesized.DEFAULT.logicalId(Synthesized.DEFAULT.stack().queues().get("genreflow-uploads").queue());
        template.hasResourceProperties("Custom::S3BucketNotifications", Map.of(
                "BucketName", Map.of("Ref", bucket),
                "NotificationConfiguration", Map.of("QueueConfigurations", List.of(Map.of(
                        "Events", List.of("s3:ObjectCreated:*"),
                        "QueueArn", Map.of("Fn::GetAtt", List.of(uploads, "Arn")),
                        "Filter", Map.of("Key", Map.of("FilterRules", List.of(
                                Map.of("Name", "prefix", "Value", "uploads/")))))))));
        template.hasResourceProperties("AWS::SQS::QueuePolicy", Map.of(
                "Queues", List.of(Map.of("Ref", uploads)),
                "PolicyDocument", Map.of("Statement", Match.arrayWith(List.of(Match.objectLike(Map.of(
                        "Effect", "Allow",
                        "Principal", Map.of("Service", "s3.amazonaws.com"),
                        "Action", List.of("sqs:SendMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl"),
                        "Condition", Map.of("ArnLike", Map.of("aws:SourceArn",
                                Map.of("Fn::GetAtt", List.of(bucket, "Arn")))))))))));
    }
}
