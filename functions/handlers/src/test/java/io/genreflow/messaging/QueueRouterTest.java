package io.genreflow.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.MalformedContractException;
import io.genreflow.contracts.TrackId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueueRouterTest {

    private final List<TrackId> handled = new ArrayList<>();

    private QueueRouter router(WhenUnusable whenUnusable, ContractHandler<TrackId> handler) {
        return QueueRouter.of(List.of(Route.of("work", TrackId.class, handler, whenUnusable)));
    }

    private static QueueMessage message(String queue, String body) {
        return new QueueMessage(queue, "m-1", body, 1);
    }

    @Test
    void readsTheBodyOnceIntoItsQueuesTypeAndHandsItOver() throws Exception {
        router(WhenUnusable.REDELIVER, handled::add).handle(message("work", "\"0123456789abcdef0123\""));

        assertEquals(List.of(new TrackId("0123456789abcdef0123")), handled);
    }

    @Test
    void aMalformedBodyIsRedeliveredOrAcknowledgedAsItsRouteSays() throws Exception {
        assertThrows(MalformedContractException.class,
                () -> router(WhenUnusable.REDELIVER, handled::add).handle(message("work", "{not json")));

        router(WhenUnusable.ACKNOWLEDGE, handled::add).handle(message("work", "{not json"));
        assertTrue(handled.isEmpty(), "a malformed body reaches no handler");
    }

    @Test
    void anUnusableMessageIsRedeliveredOrAcknowledgedAsItsRouteSays() throws Exception {
        ContractHandler<TrackId> unusable = id -> {
            throw new UnusableMessageException("no track " + id);
        };
        assertThrows(UnusableMessageException.class,
                () -> router(WhenUnusable.REDELIVER, unusable).handle(message("work", "\"0123456789abcdef0123\"")));

        router(WhenUnusable.ACKNOWLEDGE, unusable).handle(message("work", "\"0123456789abcdef0123\""));
    }

    @Test
    void anyOtherFailureIsRedeliveredEvenFromADeadLetterQueue() {
        IllegalStateException outage = new IllegalStateException("S3 is away");
        ContractHandler<TrackId> failing = id -> {
            throw outage;
        };

        assertEquals(outage, assertThrows(IllegalStateException.class, () ->
                router(WhenUnusable.ACKNOWLEDGE, failing).handle(message("work", "\"0123456789abcdef0123\""))));
    }

    @Test
    void aQueueWithoutARouteIsRefusedNamingTheQueuesItServes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> router(WhenUnusable.REDELIVER, handled::add).handle(message("elsewhere", "{}")));

        assertTrue(e.getMessage().contains("elsewhere") && e.getMessage().contains("[work]"), e.getMessage());
    }

    @Test
    void twoRoutesForOneQueueAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> QueueRouter.of(List.of(
                Route.of("work", TrackId.class, handled::add, WhenUnusable.REDELIVER),
                Route.of("work", TrackId.class, handled::add, WhenUnusable.ACKNOWLEDGE))));
    }

    @Test
    void closingReleasesEveryResourceAndReportsTheFirstFailure() {
        List<String> closed = new ArrayList<>();
        QueueRouter router = new QueueRouter(List.of(), List.of(
                () -> {
                    closed.add("model");
                    throw new IllegalStateException("first");
                },
                () -> closed.add("other")));

        IllegalStateException e = assertThrows(IllegalStateException.class, router::close);

        assertEquals("first", e.getMessage());
        assertEquals(List.of("model", "other"), closed);
    }
}
