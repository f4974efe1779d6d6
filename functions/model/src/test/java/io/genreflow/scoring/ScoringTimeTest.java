package io.genreflow.scoring;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoringTimeTest {

    @Test
    void addsUpBatchesAndReportsWholeMilliseconds() {
        ScoringTime time = new ScoringTime();
        time.add(1_600_000, 2_500_000);
        time.add(1_600_000, 2_600_000);

        assertEquals(3, time.featuresMillis());
        assertEquals(5, time.inferenceMillis());
    }
}
