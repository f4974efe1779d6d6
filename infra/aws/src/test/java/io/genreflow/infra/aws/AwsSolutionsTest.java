package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AwsSolutions pack finds nothing unsuppressed in either deployment. */
class AwsSolutionsTest {

    @Test
    void theDefaultDeploymentPassesAwsSolutions() {
        assertNoFindings(Synthesized.DEFAULT);
    }

    @Test
    void theContainerAndNativeVariantPassesAwsSolutions() {
        assertNoFindings(Synthesized.VARIANT);
    }

    private static void assertNoFindings(Synthesized synthesized) {
        List<SynthesisMessage> errors = synthesized.annotations().findError("*",
                Match.stringLikeRegexp("AwsSolutions-.*"));
        List<SynthesisMessage> warnings = synthesized.annotations().findWarning("*",
                Match.stringLikeRegexp("AwsSolutions-.*"));
        assertEquals(List.of(), describe(errors), "AwsSolutions errors");
        assertEquals(List.of(), describe(warnings), "AwsSolutions warnings");
        assertTrue(synthesized.resources().size() > 20, "the stack was synthesised");
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(m -> m.getId() + ": " + String.valueOf(m.getEntry().getData())
                .replaceAll("\\s+", " ")).map(s -> s.length() > 300 ? s.substring(0, 300) : s).toList();
    }
}
