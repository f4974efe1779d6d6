/**
 * Test support for every module that runs the pipeline: real S3 and SQS servers in the test JVM
 * ({@link io.genreflow.testing.LocalAws}, and {@link io.genreflow.testing.EmbeddedAwsResource} for
 * {@code @QuarkusTest}), saved Lambda SQS events, the reference verdict a pipeline run must
 * reproduce, and the check that every setting is documented. The only module with JUnit in its
 * main code, and a test-scope dependency of the others.
 */
package io.genreflow.testing;
