/**
 * The aggregator: one small handler per message kind (a partial result, a dead snippet batch, a
 * dead partial result, a dead upload event) over one shared account of each track's batches, kept
 * in the track's batch ledger. {@link io.genreflow.aggregator.AggregatorRoot} routes the seven
 * queues to them, for the Lambda function and the local stack alike.
 *
 * <p>Every message may arrive twice, out of order or after a crash half-way: every write is at a
 * deterministic key, and the track record and the ledger move on only by conditional writes.
 */
package io.genreflow.aggregator;
