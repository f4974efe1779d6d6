package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Template;

/** The queues: named as the functions expect, each with its DLQ, encrypted, visibility matched to its consumer, alarmed. */
class QueuesTest {

    private final Template template = Synthesized.DEFAULT.template();

    @Test
    void everyWorkQueueAndItsDeadLetterQueueExistUnderTheFunctionsNames() {
        TreeSet<String> names = new TreeSet<>();
        Synthesized.DEFAULT.resourcesOfType("AWS::SQS::Queue").values().forEach(q -> names.add((String) q.get("QueueName")));
        assertEquals(new TreeSet<>(List.of("genreflow-uploads", "genreflow-uploads-dlq", "genreflow-results",
                "genreflow-results-dlq", "genreflow-snippets-logmel", "genreflow-snippets-logmel-dlq",
                "genreflow-snippets-spectrogram", "genreflow-snippets-spectrogram-dlq", "genreflow-snippets-chroma",
                "genreflow-snippets-chroma-dlq", "genreflow-snippets-waveform", "genreflow-snippets-waveform-dlq")),
                names);
    }

    @Test
    void eachWorkQueueRedrivesToItsOwnDeadLetterQueueAfterThreeReceives() {
        Synthesized.DEFAULT.stack().queues().forEach((name, queue) -> template.hasResourceProperties("AWS::SQS::Queue",
                Map.of("QueueName", name, "RedrivePolicy", Map.of("maxReceiveCount", WorkQueue.MAX_RECEIVE_COUNT,
                        "deadLetterTargetArn", Map.of("Fn::GetAtt",
                                List.of(Synthesized.DEFAULT.logicalId(queue.deadLetters()), "Arn"))))));
    }

    @Test
    void everyQueueIsEncryptedBySqsAndRefusesRequestsWithoutTls() {
        Synthesized.DEFAULT.resourcesOfType("AWS::SQS::Queue").forEach((id, queue) ->
                assertEquals(true, queue.get("SqsManagedSseEnabled"), id));
        assertEquals(12, Synthesized.DEFAULT.resourcesOfType("AWS::SQS::QueuePolicy").values().stream()
                .filter(policy -> policy.toString().contains("aws:SecureTransport=false")).count());
    }

    @Test
    void visibilityTimeoutsAreSixTimesTheConsumingFunctionsTimeout() {
        Map<String, Object> visibility = new TreeMap<>();
        Synthesized.DEFAULT.resourcesOfType("AWS::SQS::Queue").values()
                .forEach(q -> visibility.put((String) q.get("QueueName"), q.get("VisibilityTimeout")));
        assertEquals(720, visibility.get("genreflow-uploads"), "splitter: 120 s");
        assertEquals(360, visibility.get("genreflow-snippets-logmel"), "classifier: 60 s");
        assertEquals(360, visibility.get("genreflow-results"), "aggregator: 60 s");
        assertEquals(360, visibility.get("genreflow-snippets-chroma-dlq"), "the aggregator consumes every DLQ");
    }

    @Test
    void deadLettersAndAgingBacklogsRaiseAlarms() {
        Map<String, Map<String, Object>> alarms = Synthesized.DEFAULT.resourcesOfType("AWS::CloudWatch::Alarm");
        assertEquals(12, alarms.size());
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "genreflow-results-dlq-not-empty",
                "MetricName", "ApproximateNumberOfMessagesVisible", "Namespace", "AWS/SQS", "Threshold", 1,
                "ComparisonOperator", "GreaterThanOrEqualToThreshold", "Statistic", "Maximum"));
        template.hasResourceProperties("AWS::CloudWatch::Alarm", Map.of("AlarmName", "genreflow-uploads-backlog-aging",
                "MetricName", "ApproximateAgeOfOldestMessage", "Namespace", "AWS/SQS", "Threshold", 900));
        alarms.values().forEach(alarm -> assertEquals(null, alarm.get("AlarmActions"), "no topic was given"));
    }

    @Test
    void everyQueueAlarmNotifiesTheTopicTheContextNames() {
        Map<String, Map<String, Object>> alarms = Synthesized.VARIANT.resourcesOfType("AWS::CloudWatch::Alarm");
        long queueAlarms = alarms.values().stream().filter(alarm -> "AWS/SQS".equals(alarm.get("Namespace"))).peek(alarm ->
                assertEquals(List.of("arn:aws:sns:eu-west-1:123456789012:genreflow-alarms"), alarm.get("AlarmActions")))
                .count();
        assertEquals(12, queueAlarms);
    }
}
