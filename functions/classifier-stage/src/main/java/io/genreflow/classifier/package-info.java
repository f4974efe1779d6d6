/**
 * The classifier of one representation: scores each snippet batch from a ranged read of the track's
 * PCM and sends the partial result on. {@link io.genreflow.classifier.ClassifierRoot} puts it
 * together for the Lambda function and the local stack alike.
 */
package io.genreflow.classifier;
