package io.genreflow.infra.aws;

import io.genreflow.contracts.QueueNames;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.IAlarmAction;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

/**
 * One of genreflow's queues with its {@code -dlq}, both encrypted by SQS and TLS-only, named as the
 * functions expect ({@link QueueNames}), with alarms on dead letters and on a backlog that ages.
 */
public final class WorkQueue extends Construct {

    /** Deliveries before a message is dead-lettered, as in the local stack. */
    public static final int MAX_RECEIVE_COUNT = 3;

    private static final MetricOptions MAXIMUM_PER_MINUTE = MetricOptions.builder()
            .period(Duration.minutes(1)).statistic("Maximum").build();

    private final Queue queue;
    private final Queue deadLetters;

    /**
     * @param name                      the queue's name, prefix included
     * @param visibilityTimeoutSeconds  the queue's visibility timeout (six times its consumer's timeout)
     * @param deadLetterVisibilitySeconds the dead-letter queue's, which the aggregator consumes
     * @param oldestMessageAlarmSeconds the oldest message's age that raises the backlog alarm
     * @param alarmActions              what the alarms do when they fire (e.g. notify a topic); may be empty
     */
    public WorkQueue(Construct scope, String id, String name, int visibilityTimeoutSeconds,
                     int deadLetterVisibilitySeconds, int oldestMessageAlarmSeconds, List<IAlarmAction> alarmActions) {
        super(scope, id);
        String deadLetterName = QueueNames.deadLetter(name);
        this.deadLetters = Queue.Builder.create(this, "DeadLetters")
                .queueName(deadLetterName)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .visibilityTimeout(Duration.seconds(deadLetterVisibilitySeconds))
                .build();
        this.queue = Queue.Builder.create(this, "Queue")
                .queueName(name)
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(4))
                .visibilityTimeout(Duration.seconds(visibilityTimeoutSeconds))
                .deadLetterQueue(DeadLetterQueue.builder().queue(deadLetters).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                .build();
        Alarm deadLetterAlarm = Alarm.Builder.create(this, "DeadLetterAlarm")
                .alarmName(deadLetterName + "-not-empty")
                .alarmDescription("Messages of " + name + " failed " + MAX_RECEIVE_COUNT
                        + " times and were dead-lettered; the consumer's logs say why")
                .metric(deadLetters.metricApproximateNumberOfMessagesVisible(MAXIMUM_PER_MINUTE))
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        Alarm ageAlarm = Alarm.Builder.create(this, "OldestMessageAlarm")
                .alarmName(name + "-backlog-aging")
                .alarmDescription("The oldest message of " + name + " has waited over " + oldestMessageAlarmSeconds
                        + " s: its consumer is failing, throttled or scaled to zero")
                .metric(queue.metricApproximateAgeOfOldestMessage(MAXIMUM_PER_MINUTE))
                .threshold(oldestMessageAlarmSeconds)
                .evaluationPeriods(5)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarmActions.forEach(action -> {
            deadLetterAlarm.addAlarmAction(action);
            ageAlarm.addAlarmAction(action);
        });
    }

    /** The work queue. */
    public Queue queue() {
        return queue;
    }

    /** Its dead-letter queue. */
    public Queue deadLetters() {
        return deadLetters;
    }
}
