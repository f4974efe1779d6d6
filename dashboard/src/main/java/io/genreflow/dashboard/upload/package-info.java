/** Browser uploads straight to S3: which files may go, and the signed requests that enforce it. */
package io.genreflow.dashboard.upload;
