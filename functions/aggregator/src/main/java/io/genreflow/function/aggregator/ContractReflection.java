package io.genreflow.function.aggregator;

import io.genreflow.contracts.BatchFailure;
import io.genreflow.contracts.BatchLedger;
import io.genreflow.contracts.PartialResult;
import io.genreflow.contracts.S3EventNotification;
import io.genreflow.contracts.SnippetBatchMessage;
import io.genreflow.contracts.TrackRecord;
import io.genreflow.contracts.Verdict;
import io.genreflow.manifest.ModelManifest;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The JSON documents the aggregator reads and writes with Jackson, kept for reflection in a native
 * executable, with the types of their fields.
 */
@RegisterForReflection(registerFullHierarchy = true,
        targets = {PartialResult.class, SnippetBatchMessage.class, S3EventNotification.class, TrackRecord.class,
            BatchFailure.class, BatchLedger.class, Verdict.class, ModelManifest.class})
final class ContractReflection {

    private ContractReflection() {
    }
}
