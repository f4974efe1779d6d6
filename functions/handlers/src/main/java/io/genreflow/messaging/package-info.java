/**
 * How genreflow's functions meet SQS: the message a handler sees, the router that reads each into its
 * queue's contract and hands it to that queue's typed handler, and batched sending.
 */
package io.genreflow.messaging;
