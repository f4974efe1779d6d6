/**
 * genreflow's three stages as {@link io.genreflow.messaging.MessageHandler}s over S3 and SQS: the
 * splitter (upload events), the classifier (one representation's snippet batches) and the
 * aggregator (partial results and the dead-letter queues that account for failures). They are
 * plain Java built from an {@code S3Client}, an {@code SqsClient} and a settings record, so the
 * Lambda functions and the local stack's pollers run the same code.
 *
 * <p>Every message may arrive twice, out of order or after a crash half-way: every write is at a
 * deterministic key, and the track record moves on only by conditional writes, so the stage that
 * decides a track's fate first wins and the others see its decision.
 */
package io.genreflow.handlers;
