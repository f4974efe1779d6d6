/**
 * The contracts between genreflow's functions, in one place used by everyone: the S3 key layout
 * ({@link io.genreflow.contracts.S3Keys}), the decoded-audio byte layout
 * ({@link io.genreflow.contracts.PcmLayout}), track ids, the standard S3 event notification, the
 * queue messages and the documents stored in S3.
 *
 * <p>Every message and stored document is a plain record written with
 * {@link io.genreflow.json.Json#mapper()} and carries {@code schemaVersion}. Readers ignore fields
 * they do not know, so adding a field is compatible and keeps the version; a change old readers
 * would misread bumps {@link io.genreflow.contracts.SchemaVersion#CURRENT}. Constructors validate,
 * so a record that exists is consistent, whether built in code or read from JSON. Collections
 * are immutable and records compare by value (lists, not arrays).
 */
package io.genreflow.contracts;
