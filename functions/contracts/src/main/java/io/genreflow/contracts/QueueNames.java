package io.genreflow.contracts;


import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The names of genreflow's queues. Every work queue has a dead-letter queue named
 * {@code <queue>-dlq}; the prefix lets several deployments share one account.
 *
 * <pre>
 * &lt;prefix&gt;uploads                    S3 event notifications; the splitter consumes it
 * &lt;prefix&gt;snippets-&lt;representation&gt;  snippet batches; the classifier for that representation consumes it
 * &lt;prefix&gt;results                    partial results; the aggregator consumes it
 * </pre>
 *
 * @param prefix put before every name, e.g. "genreflow-"; may be empty
 */
public record QueueNames(String prefix) {

    /** What a dead-letter queue's name adds to its work queue's name. */
    public static final String DLQ_SUFFIX = "-dlq";

    public QueueNames {
        Objects.requireNonNull(prefix, "prefix");
        if (!prefix.matches("[A-Za-z0-9_-]*") || prefix.length() > 40) {
            throw new IllegalArgumentException("queue prefix '" + prefix
                    + "' may hold only letters, digits, '-' and '_', at most 40 of them");
        }
    }

    /** The queue of S3 event notifications for new uploads. */
    public String uploads() {
        return prefix + "uploads";
    }

    /** The queue of snippet batches for one representation. */
    public String snippets(Representation representation) {
        return prefix + "snippets-" + representation.id();
    }

    /** The queue of partial results. */
    public String results() {
        return prefix + "results";
    }

    /** The dead-letter queue of {@code queue}. */
    public static String deadLetter(String queue) {
        return queue + DLQ_SUFFIX;
    }

    /** Every work queue (without the dead-letter queues), uploads first. */
    public List<String> workQueues() {
        List<String> queues = new ArrayList<>();
        queues.add(uploads());
        for (Representation representation : Representation.values()) {
            queues.add(snippets(representation));
        }
        queues.add(results());
        return List.copyOf(queues);
    }
}
