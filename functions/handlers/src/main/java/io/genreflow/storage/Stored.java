package io.genreflow.storage;

import java.util.Objects;

/**
 * A document as read from S3, with the ETag of the version read: what a conditional write
 * replacing it names.
 *
 * @param value the document
 * @param eTag  the ETag of the object version it was read from
 */
public record Stored<T>(T value, String eTag) {

    public Stored {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(eTag, "eTag");
    }
}
