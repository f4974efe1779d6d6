package io.genreflow.function.classifier;

import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.manifest.ModelManifest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON documents the classifier reads and writes with Jackson, kept for reflection in a native
 * executable, with the types of their fields.
 */
@RegisterForReflection(registerFullHierarchy = true,
        targets = {SnippetBatchMessage.class, PartialResult.class, ModelManifest.class})
final class ContractReflection {

    private ContractReflection() {
    }
}
