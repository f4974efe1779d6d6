package io.genreflow.function.splitter;

import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.manifest.ModelManifest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON documents the splitter reads and writes with Jackson, kept for reflection in a native
 * executable, with the types of their fields.
 */
@RegisterForReflection(registerFullHierarchy = true,
        targets = {S3EventNotification.class, TrackRecord.class, SnippetBatchMessage.class, ModelManifest.class})
final class ContractReflection {

    private ContractReflection() {
    }
}
