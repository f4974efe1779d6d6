/**
 * Feeding queue messages to handlers the way Lambda's SQS event-source mapping does: the local
 * stack's pollers and the classifier's container worker are this one loop.
 */
package io.genreflow.messaging.polling;
