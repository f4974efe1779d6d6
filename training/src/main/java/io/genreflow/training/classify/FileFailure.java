package io.genreflow.training.classify;

/**
 * A file {@code genreflow classify} could not classify, printed as a JSON object on one line.
 *
 * @param path  the file, as given or found under a given folder
 * @param error why, e.g. the decoder's explanation of what is wrong with the file
 */
public record FileFailure(String path, String error) implements FileResult {
}
