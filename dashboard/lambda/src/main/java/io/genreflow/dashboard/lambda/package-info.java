/** The dashboard on AWS Lambda: its access to the deployed pipeline. */
package io.genreflow.dashboard.lambda;
