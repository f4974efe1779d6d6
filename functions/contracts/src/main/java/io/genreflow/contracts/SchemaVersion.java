package io.genreflow.contracts;

/** The version of the message and document formats this build writes and reads. */
public final class SchemaVersion {

    /** Written into every message and stored document. */
    public static final int CURRENT = 1;

    private SchemaVersion() {
    }

    /** Rejects a document this build cannot read, saying why. */
    static void check(int version, String document) {
        if (version < 1) {
            throw new IllegalArgumentException(document + " has no valid schemaVersion (got " + version + ")");
        }
        if (version > CURRENT) {
            throw new IllegalArgumentException(document + " has schemaVersion " + version
                    + " but this genreflow reads up to " + CURRENT + "; it was written by a newer version,"
                    + " deploy that version everywhere");
        }
    }
}
