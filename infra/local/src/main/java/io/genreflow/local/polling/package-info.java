/** Feeding queue messages to handlers the way Lambda's SQS event-source mapping does. */
package io.genreflow.local.polling;
