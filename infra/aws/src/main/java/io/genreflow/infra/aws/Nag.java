package io.genreflow.infra.aws;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.List;
import software.constructs.IConstruct;

/** Accepted cdk-nag findings, each with its reason, declared beside the resource that raises it. */
final class Nag {

    /**
     * IAM5 findings on object ARNs under one of the bucket's key prefixes (uploads/, tracks/,
     * verdicts/, index/, work/), on one per-track file under tracks/, or on the working data's PCM or
     * results under work/.
     */
    static final String BUCKET_PREFIXES = "^Resource::<StorageBucket[0-9A-F]+\\.Arn>/"
            + "((uploads|tracks|verdicts|index|work)/\\*(/(tags\\.json|spectrogram\\.png))?|work/\\*/(audio\\.pcm|results/\\*))$";

    private Nag() {
    }

    /** Accepts {@code rule} on {@code construct} and its children. */
    static void accept(IConstruct construct, String rule, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(rule).reason(reason).build()), true);
    }

    /** Accepts the IAM5 findings of object patterns under the bucket's prefixes: S3 names objects by ARN pattern. */
    static void acceptBucketPrefixes(IConstruct construct) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5")
                .reason("Object permissions are limited to one key prefix of the one bucket (uploads/, tracks/, "
                        + "verdicts/, index/ or work/, one file name in every track, or the PCM or results under "
                        + "work/): S3 names the objects under a prefix by ARN pattern, as they do not exist yet")
                .appliesTo(List.of(RegexAppliesTo.builder().regex("/" + BUCKET_PREFIXES + "/g").build()))
                .build()), true);
    }

    /** Accepts IAM5 findings on {@code appliesTo} (exact finding names) with {@code reason}. */
    static void acceptWildcards(IConstruct construct, String reason, String... appliesTo) {
        NagSuppressions.addResourceSuppressions(construct, List.of(NagPackSuppression.builder()
                .id("AwsSolutions-IAM5").reason(reason).appliesTo(List.of((Object[]) appliesTo)).build()), true);
    }
}
