/**
 * The splitter: turns each upload an S3 event announces into the track's PCM object, its record and
 * one snippet batch message per representation and batch. {@link io.genreflow.splitter.SplitterRoot}
 * puts it together for the Lambda function and the local stack alike.
 */
package io.genreflow.splitter;
