package io.genreflow.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchLedgerTest {

    private static final TrackRecord TRACK = Samples.classifying();

    /** Every batch the sample track expects, each with a result, except {@code except} of logmel. */
    private static BatchLedger allResultsBut(int except) {
        BatchLedger ledger = BatchLedger.empty(TRACK.trackId());
        for (Representation representation : TRACK.expectedRepresentations()) {
            for (int batch = 0; batch < TRACK.expectedBatches(representation); batch++) {
                if (representation != Representation.LOGMEL || batch != except) {
                    ledger = ledger.withResult(representation, batch);
                }
            }
        }
        return ledger;
    }

    @Test
    void aTrackIsAccountedForWhenEveryBatchHasAResultOrAFailure() {
        assertFalse(BatchLedger.empty(TRACK.trackId()).accountsFor(TRACK));
        BatchLedger missingOne = allResultsBut(0);
        assertFalse(missingOne.accountsFor(TRACK));

        BatchLedger failed = missingOne.withFailure(Representation.LOGMEL, 0);
        assertTrue(failed.accountsFor(TRACK));
        assertFalse(failed.hasAllResults(Representation.LOGMEL, TRACK.expectedBatches(Representation.LOGMEL)));
        assertTrue(failed.withResult(Representation.LOGMEL, 0)
                .hasAllResults(Representation.LOGMEL, TRACK.expectedBatches(Representation.LOGMEL)),
                "a result that arrives after all wins over the failure note");
    }

    @Test
    void progressCountsOnlyTheBatchesTheTrackExpects() {
        int expected = TRACK.expectedPartials().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(0, BatchLedger.empty(TRACK.trackId()).accountedBatches(TRACK));
        assertEquals(expected - 1, allResultsBut(0).accountedBatches(TRACK));
        assertEquals(expected, allResultsBut(0).withFailure(Representation.LOGMEL, 0).accountedBatches(TRACK));
        int beyondThePlan = TRACK.expectedBatches(Representation.LOGMEL);
        assertEquals(expected - 1, allResultsBut(0).withResult(Representation.LOGMEL, beyondThePlan)
                .accountedBatches(TRACK), "a batch the plan does not have is not progress");
    }

    @Test
    void addingABatchTwiceOrInAnyOrderGivesTheSameLedger() {
        BatchLedger once = BatchLedger.empty(TRACK.trackId()).withResult(Representation.CHROMA, 2)
                .withResult(Representation.CHROMA, 0);
        BatchLedger twice = BatchLedger.empty(TRACK.trackId()).withResult(Representation.CHROMA, 0)
                .withResult(Representation.CHROMA, 2).withResult(Representation.CHROMA, 0);

        assertEquals(once, twice);
        assertEquals(Map.of("chroma", List.of(0, 2)), once.results());
        assertArrayEquals(ContractJson.write(once), ContractJson.write(twice));
        assertEquals(once, ContractJson.read(ContractJson.write(once), BatchLedger.class));
    }
}
