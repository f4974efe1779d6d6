package io.genreflow.dashboard.upload;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Signs the PUT a browser sends a file with (AWS Signature V4 in headers). The signature covers
 * Content-Length and Content-Type, so S3 refuses a body of any other size or type: the limits hold
 * even for a client that ignores the page. S3 accepts such a signature for 15 minutes.
 *
 * <p>The signature travels in headers rather than in the URL's query so that the browser's CORS
 * preflight carries no credentials in its query string: S3Proxy tries to authenticate a preflight
 * that has them, and fails; S3 itself accepts both.
 */
public final class UploadSigner {

    /** The headers the browser sets; the others it adds itself (Host, Content-Length). */
    private static final Set<String> BROWSER_HEADERS = Set.of("authorization", "content-type", "x-amz-date",
            "x-amz-content-sha256", "x-amz-security-token");
    /** How long S3 accepts a header signature after its x-amz-date. */
    private static final Duration VALIDITY = Duration.ofMinutes(15);

    private final S3Presigner presigner;
    private final AwsCredentialsProvider credentials;
    private final String bucket;
    private final String region;
    private final Clock clock;

    public UploadSigner(S3Presigner presigner, AwsCredentialsProvider credentials, String bucket, String region,
                        Clock clock) {
        this.presigner = presigner;
        this.credentials = credentials;
        this.bucket = bucket;
        this.region = region;
        this.clock = clock;
    }

    /**
     * A signed upload.
     *
     * @param key     the object key
     * @param method  "PUT"
     * @param url     where to send it
     * @param headers the headers the request must carry exactly; the browser adds Host and Content-Length
     * @param expires when S3 stops accepting the signature (ISO-8601)
     */
    public record SignedUpload(String key, String method, String url, Map<String, String> headers, String expires) {
    }

    /** The signed request for {@code file}. */
    public SignedUpload sign(UploadPolicy.Accepted file) {
        URI target = objectUrl(file.key());
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(target)
                .putHeader("Content-Type", file.contentType())
                .putHeader("Content-Length", Long.toString(file.sizeBytes()))
                .build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(credentials.resolveCredentials())
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                // S3 signs the path as sent: no second encoding, no dot-segment removal.
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4FamilyHttpSigner.SIGNING_CLOCK, clock));
        Map<String, String> headers = new LinkedHashMap<>();
        signed.request().headers().forEach((name, values) -> {
            if (BROWSER_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                headers.put(name, String.join(",", values));
            }
        });
        return new SignedUpload(file.key(), "PUT", target.toString(), headers,
                clock.instant().plus(VALIDITY).toString());
    }

    /** The object's URL as this S3 is addressed (endpoint, path or virtual-host style), without a query. */
    private URI objectUrl(String key) {
        URL presigned = presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(1))
                .putObjectRequest(o -> o.bucket(bucket).key(key))).url();
        String url = presigned.toString();
        int query = url.indexOf('?');
        return URI.create(query < 0 ? url : url.substring(0, query));
    }

    /** The request headers S3's CORS rules must allow for these uploads. */
    public static List<String> corsHeaders() {
        return BROWSER_HEADERS.stream().sorted().toList();
    }
}
