package io.genreflow.manifest;

/**
 * A model manifest or model file that cannot be used, or an inference that failed, with a message
 * that names the file and says what to change.
 */
public final class ModelException extends Exception {

    /** Machine-readable category of the failure; the message carries the details. */
    public enum Reason {
        /** The manifest file is missing or cannot be read. */
        MANIFEST_UNREADABLE,
        /** The manifest's schemaVersion is one this release does not read. */
        UNSUPPORTED_SCHEMA_VERSION,
        /** The manifest is not valid JSON, lacks a field, or holds inconsistent values. */
        INVALID_MANIFEST,
        /** The manifest has no model for the requested representation. */
        MISSING_REPRESENTATION,
        /** A model file named by the manifest does not exist. */
        MODEL_FILE_MISSING,
        /** A model file's SHA-256 differs from the one the manifest records. */
        CHECKSUM_MISMATCH,
        /** ONNX Runtime cannot load the model file. */
        MODEL_UNLOADABLE,
        /** The model's inputs or outputs disagree with what the manifest declares. */
        MODEL_MISMATCH,
        /** ONNX Runtime failed while scoring, or produced scores that are not a distribution. */
        INFERENCE_FAILED
    }

    private final Reason reason;

    public ModelException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ModelException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
