package io.genreflow.storage;

/** The object asked for is not in the bucket (or no longer is the version asked for). */
public final class MissingObjectException extends RuntimeException {

    private final String key;

    public MissingObjectException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    /** The key that was asked for. */
    public String key() {
        return key;
    }
}
