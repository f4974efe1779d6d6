package io.genreflow.contracts;

/** The function where something happened to a track, e.g. where it failed. */
public enum PipelineStage {
    /** Decoding, resampling, writing the PCM and sending the snippet batches. */
    SPLITTER,
    /** Computing features and running a representation's model on a batch. */
    CLASSIFIER,
    /** Collecting partial results and making the verdict. */
    AGGREGATOR
}
