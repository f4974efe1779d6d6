package io.genreflow.infra.aws;

import java.util.Arrays;
import java.util.List;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.IGrantable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.s3.IBucket;

/**
 * Grants on key patterns of one bucket, so each function gets exactly the prefixes it reads and
 * writes. A pattern such as {@code tracks/*} needs the wildcard: S3 policies name objects by ARN
 * pattern, and the objects under a prefix do not exist when the policy is written.
 */
final class BucketAccess {

    private final IBucket bucket;

    BucketAccess(IBucket bucket) {
        this.bucket = bucket;
    }

    /** GetObject (and so HEAD and ranged GET) on the keys matching {@code patterns}. */
    void read(IGrantable grantee, String... patterns) {
        allow(grantee, List.of("s3:GetObject"), patterns);
    }

    /**
     * PutObject on {@code patterns}; it covers the multipart upload calls but for abort, which the
     * splitter's streaming PCM upload makes when it fails half-way.
     */
    void write(IGrantable grantee, String... patterns) {
        allow(grantee, List.of("s3:PutObject", "s3:AbortMultipartUpload"), patterns);
    }

    /** PutObject alone on {@code patterns}, for writers that never upload in parts. */
    void put(IGrantable grantee, String... patterns) {
        allow(grantee, List.of("s3:PutObject"), patterns);
    }

    /** DeleteObject on {@code patterns}. */
    void delete(IGrantable grantee, String... patterns) {
        allow(grantee, List.of("s3:DeleteObject"), patterns);
    }

    /**
     * ListBucket on the bucket. The handlers need it twice over: to list a track's keys, and
     * because without it S3 answers a GET of a missing key with 403 instead of the 404 the
     * handlers read as "no track record yet". It reveals key names, never contents.
     */
    void list(IGrantable grantee) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("s3:ListBucket"))
                .resources(List.of(bucket.getBucketArn()))
                .build());
    }

    private void allow(IGrantable grantee, List<String> actions, String... patterns) {
        grantee.getGrantPrincipal().addToPrincipalPolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(actions)
                .resources(Arrays.stream(patterns).map(bucket::arnForObjects).toList())
                .build());
    }
}
