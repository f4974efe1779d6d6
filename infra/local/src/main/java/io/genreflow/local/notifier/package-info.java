/** S3 event notifications for the embedded S3, which has none of its own. */
package io.genreflow.local.notifier;
