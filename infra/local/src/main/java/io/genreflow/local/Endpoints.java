package io.genreflow.local;

import io.genreflow.contracts.S3Keys;
import io.genreflow.json.Json;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * Where the running stack can be reached and how to sign in, as written to {@code endpoints.json}
 * in the data folder (owner-readable only: it holds the secret) and printed at start.
 *
 * @param mode            "embedded" or "external"
 * @param dashboard       the dashboard's URL
 * @param s3Endpoint      the S3 endpoint; null when the SDK's default (AWS) is used
 * @param sqsEndpoint     the SQS endpoint; null when the SDK's default (AWS) is used
 * @param bucket          the bucket to upload to
 * @param region          the region to sign for
 * @param accessKeyId     the embedded servers' access key id; null in external mode
 * @param secretAccessKey the embedded servers' secret; null in external mode
 * @param queueUrls       queue name to URL
 * @param uploadExample   an AWS CLI command that uploads a file for classification
 */
@RegisterForReflection
public record Endpoints(String mode, String dashboard, String s3Endpoint, String sqsEndpoint, String bucket,
                        String region, String accessKeyId, String secretAccessKey, Map<String, String> queueUrls,
                        String uploadExample) {

    /** The file in the data folder. */
    public static final String FILE_NAME = "endpoints.json";

    /** The AWS CLI command that uploads {@code song.mp3}, with the environment it needs. */
    static String uploadExample(String s3Endpoint, String bucket, String region, String accessKeyId,
                                String secretAccessKey) {
        String target = "s3://" + bucket + "/" + S3Keys.UPLOADS_PREFIX;
        if (s3Endpoint == null) {
            return "aws s3 cp song.mp3 " + target;
        }
        String credentials = accessKeyId == null ? ""
                : "AWS_ACCESS_KEY_ID=" + accessKeyId + " AWS_SECRET_ACCESS_KEY=" + secretAccessKey + " ";
        return credentials + "AWS_DEFAULT_REGION=" + region + " aws --endpoint-url " + s3Endpoint
                + " s3 cp song.mp3 " + target;
    }

    /** These endpoints with the dashboard at {@code url}. */
    Endpoints withDashboard(String url) {
        return new Endpoints(mode, url, s3Endpoint, sqsEndpoint, bucket, region, accessKeyId, secretAccessKey, queueUrls,
                uploadExample);
    }

    /** Writes this to {@code dataDir}/endpoints.json, readable by its owner only. */
    public Path write(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Path draft = Files.createTempFile(dataDir, FILE_NAME, ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(draft, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
            Files.move(draft, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** What the console shows once the stack is up. */
    String banner(Path endpointsFile) {
        StringBuilder text = new StringBuilder()
                .append("\n  genreflow is running (").append(mode).append(")\n")
                .append("  dashboard    ").append(dashboard).append('\n')
                .append("  S3           ").append(s3Endpoint == null ? "AWS" : s3Endpoint)
                .append("  bucket ").append(bucket).append("  region ").append(region).append('\n')
                .append("  SQS          ").append(sqsEndpoint == null ? "AWS" : sqsEndpoint).append('\n');
        if (accessKeyId != null) {
            text.append("\n  credentials for any S3 client (also in ").append(endpointsFile).append("):\n")
                    .append("    export AWS_ACCESS_KEY_ID=").append(accessKeyId).append('\n')
                    .append("    export AWS_SECRET_ACCESS_KEY=").append(secretAccessKey).append('\n')
                    .append("    export AWS_DEFAULT_REGION=").append(region).append('\n');
        }
        String aws = "aws " + (s3Endpoint == null ? "" : "--endpoint-url " + s3Endpoint + " ");
        text.append("\n  classify a song:\n    ").append(aws)
                .append("s3 cp song.mp3 s3://").append(bucket).append('/').append(S3Keys.UPLOADS_PREFIX).append('\n')
                .append("  read its verdict when it is ready:\n    ").append(aws).append("s3 cp s3://").append(bucket)
                .append('/').append(S3Keys.verdictForUpload(S3Keys.upload("song.mp3"))).append(" -\n")
                .append("  stop with Ctrl-C\n");
        return text.toString();
    }
}
