/** How genreflow's functions meet SQS: queue names, the message a handler sees, the handler contract. */
package io.genreflow.messaging;
