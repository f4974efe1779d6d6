package io.genreflow.storage;

/**
 * A conditional write lost: the object changed (or appeared) since it was read, so another
 * function decided first. Re-read it and decide again.
 */
public final class WriteConflictException extends RuntimeException {

    private final String key;

    public WriteConflictException(String key, Throwable cause) {
        super("s3 object " + key + " was changed by someone else since it was read", cause);
        this.key = key;
    }

    /** The object written. */
    public String key() {
        return key;
    }
}
