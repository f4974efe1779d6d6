package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.genreflow.contracts.Representation;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.constructs.IConstruct;

/**
 * Each function's role holds exactly the statements its handler needs: its own key prefixes, its
 * own queues, its own log group. No statement has a bare "*" resource.
 */
class LeastPrivilegeTest {

    private static final String CONSUME = "Allow sqs:ChangeMessageVisibility,sqs:DeleteMessage,sqs:GetQueueAttributes,"
            + "sqs:GetQueueUrl,sqs:ReceiveMessage on ";
    private static final String SEND = "Allow sqs:GetQueueAttributes,sqs:GetQueueUrl,sqs:SendMessage on ";

    /**
     * Actions without resource-level permissions, which AWS grants only on "*": pulling an image
     * (ecr:GetAuthorizationToken) and the ECS agent's registration, polling and state reports on a
     * GPU instance (CDK's grants for a cluster's instances).
     */
    private static final Set<String> AWS_REQUIRES_ANY_RESOURCE = Set.of("ecr:GetAuthorizationToken",
            "ecs:DiscoverPollEndpoint", "ecs:Poll", "ecs:StartTelemetrySession", "ecs:Submit*");
    /**
     * CDK's grants to a cluster's EC2 instances also let the ECS agent write its own logs anywhere;
     * the containers cannot use the instance role (CDK blocks their access to it by default).
     */
    private static final Set<String> ECS_AGENT_LOGS = Set.of("logs:CreateLogStream", "logs:PutLogEvents");

    private final Synthesized synthesized = Synthesized.DEFAULT;

    @Test
    void theSplitterReadsUploadsWritesTracksAndPcmAndSendsOnlyToTheSnippetsQueues() {
        TreeSet<String> expected = new TreeSet<>(List.of(
                "Allow s3:GetObject on " + bucket() + "/uploads/*",
                "Allow s3:GetObject on " + bucket() + "/tracks/*",
                "Allow s3:GetObject on " + bucket() + "/index/*",
                "Allow s3:AbortMultipartUpload,s3:PutObject on " + bucket() + "/tracks/*",
                "Allow s3:AbortMultipartUpload,s3:PutObject on " + bucket() + "/work/*/audio.pcm",
                "Allow s3:PutObject on " + bucket() + "/index/*",
                "Allow s3:ListBucket on " + bucket(),
                CONSUME + arn("genreflow-uploads")));
        for (String representation : List.of("logmel", "spectrogram", "chroma", "waveform")) {
            expected.add(SEND + arn("genreflow-snippets-" + representation));
        }
        expected.addAll(logs("splitter"));
        assertEquals(expected, statements("splitter"));
    }

    @Test
    void aClassifierReadsOnlyPcmAndSendsOnlyToTheResultsQueue() {
        for (String representation : List.of("logmel", "spectrogram", "chroma", "waveform")) {
            TreeSet<String> expected = new TreeSet<>(List.of(
                    "Allow s3:GetObject on " + bucket() + "/work/*/audio.pcm",
                    SEND + arn("genreflow-results"),
                    CONSUME + arn("genreflow-snippets-" + representation)));
            expected.addAll(logs("classifier-" + representation));
            assertEquals(expected, statements("classifier-" + representation), representation);
        }
    }

    @Test
    void theAggregatorWritesTracksResultsAndVerdictsAndConsumesResultsAndEveryDeadLetterQueue() {
        TreeSet<String> expected = new TreeSet<>(List.of(
                "Allow s3:GetObject on " + bucket() + "/tracks/*",
                "Allow s3:GetObject on " + bucket() + "/work/*/results/*",
                "Allow s3:GetObject on " + bucket() + "/verdicts/*",
                "Allow s3:GetObject on " + bucket() + "/index/*",
                "Allow s3:AbortMultipartUpload,s3:PutObject on " + bucket() + "/tracks/*",
                "Allow s3:AbortMultipartUpload,s3:PutObject on " + bucket() + "/work/*/results/*",
                "Allow s3:AbortMultipartUpload,s3:PutObject on " + bucket() + "/verdicts/*",
                "Allow s3:PutObject on " + bucket() + "/index/*",
                "Allow s3:ListBucket on " + bucket(),
                CONSUME + arn("genreflow-results")));
        for (String queue : List.of("uploads", "results", "snippets-logmel", "snippets-spectrogram", "snippets-chroma",
                "snippets-waveform")) {
            expected.add(CONSUME + "${" + synthesized.logicalId(synthesized.stack().queues().get("genreflow-" + queue)
                    .deadLetters()) + ".Arn}");
        }
        expected.addAll(logs("aggregator"));
        assertEquals(expected, statements("aggregator"));
    }

    /**
     * What the dashboard's code calls: reads of uploads (tags, the player's presigned GET), track
     * state, verdict copies and the index; single PUTs of browser uploads (presigned with this
     * role), tags.json, spectrogram.png and index shards; deletes of a track's objects; a
     * re-announcement on the uploads queue. No multipart, no queue it consumes, no models (a layer).
     */
    @Test
    void theDashboardReadsAndWritesOnlyWhatItsPagesAndActionsTouch() {
        TreeSet<String> expected = new TreeSet<>(List.of(
                "Allow s3:GetObject on " + bucket() + "/uploads/*",
                "Allow s3:GetObject on " + bucket() + "/tracks/*",
                "Allow s3:GetObject on " + bucket() + "/verdicts/*",
                "Allow s3:GetObject on " + bucket() + "/index/*",
                "Allow s3:GetObject on " + bucket() + "/work/*/audio.pcm",
                "Allow s3:PutObject on " + bucket() + "/uploads/*",
                "Allow s3:PutObject on " + bucket() + "/tracks/*/tags.json",
                "Allow s3:PutObject on " + bucket() + "/tracks/*/spectrogram.png",
                "Allow s3:PutObject on " + bucket() + "/index/*",
                "Allow s3:DeleteObject on " + bucket() + "/uploads/*",
                "Allow s3:DeleteObject on " + bucket() + "/tracks/*",
                "Allow s3:DeleteObject on " + bucket() + "/verdicts/*",
                "Allow s3:DeleteObject on " + bucket() + "/work/*",
                "Allow s3:ListBucket on " + bucket(),
                SEND + arn("genreflow-uploads")));
        expected.addAll(logs("dashboard"));
        assertEquals(expected, statements("dashboard"));
    }

    @Test
    void noRoleOfOursHasAStatementOnEveryResource() {
        for (Synthesized deployment : List.of(Synthesized.DEFAULT, Synthesized.VARIANT)) {
            deployment.resourcesOfType("AWS::IAM::Role").keySet().forEach(role -> {
                if (role.startsWith("BucketNotificationsHandler")) {
                    return; // CDK's own notification handler, see NagSuppressionsForGenreflow
                }
                Policies.of(deployment, role).stream().filter(statement -> needsResources(role, statement)).forEach(statement -> assertFalse(statement.endsWith(" on *")
                        || statement.contains(" on * if "), role + ": " + statement));
            });
        }
    }

    @Test
    void aContainerisedClassifierHasTheLambdasGrantsOnItsTaskRole() {
        Synthesized variant = Synthesized.VARIANT;
        IConstruct role = variant.stack().workers().get(Representation.LOGMEL).getTaskRole();
        TreeSet<String> statements = Policies.of(variant, variant.logicalId(role));
        String bucket = "${" + variant.logicalId(variant.stack().bucket().bucket()) + ".Arn}";
        String results = "${" + variant.logicalId(variant.stack().queues().get("gf-results").queue()) + ".Arn}";
        String snippets = "${" + variant.logicalId(variant.stack().queues().get("gf-snippets-logmel").queue()) + ".Arn}";
        assertEquals(new TreeSet<>(List.of("Allow s3:GetObject on " + bucket + "/work/*/audio.pcm",
                SEND + results, CONSUME + snippets)), statements);
    }

    /** Whether a statement line names an action that has resource-level permissions. */
    private static boolean needsResources(String role, String statement) {
        Set<String> allowed = new HashSet<>(AWS_REQUIRES_ANY_RESOURCE);
        if (role.startsWith("WorkersGpuInstanceRole")) {
            allowed.addAll(ECS_AGENT_LOGS);
        }
        String actions = statement.substring("Allow ".length(), statement.indexOf(" on "));
        return !allowed.containsAll(List.of(actions.split(",")));
    }

    private TreeSet<String> statements(String function) {
        return Policies.of(synthesized, synthesized.logicalId(synthesized.stack().functions().get(function).role()));
    }

    private List<String> logs(String function) {
        String logGroup = synthesized.logicalId(synthesized.stack().functions().get(function).function().getLogGroup());
        return List.of("Allow logs:CreateLogStream,logs:PutLogEvents on ${" + logGroup + ".Arn}");
    }

    private String bucket() {
        return "${" + synthesized.logicalId(synthesized.stack().bucket().bucket()) + ".Arn}";
    }

    private String arn(String queue) {
        return "${" + synthesized.logicalId(synthesized.stack().queues().get(queue).queue()) + ".Arn}";
    }
}
