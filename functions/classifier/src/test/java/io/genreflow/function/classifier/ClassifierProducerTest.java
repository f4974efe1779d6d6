package io.genreflow.function.classifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.contracts.Representation;
import org.junit.jupiter.api.Test;

class ClassifierProducerTest {

    @Test
    void aKnownRepresentationIsTakenByItsId() {
        assertEquals(Representation.LOGMEL, ClassifierProducer.representation("logmel"));
    }

    @Test
    void anUnknownRepresentationNamesTheSettingAndTheChoices() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClassifierProducer.representation("mfcc"));

        assertTrue(e.getMessage().startsWith("genreflow.classifier.representation"), e.getMessage());
        assertTrue(e.getMessage().contains("'mfcc'") && e.getMessage().contains("spectrogram"), e.getMessage());
    }
}
