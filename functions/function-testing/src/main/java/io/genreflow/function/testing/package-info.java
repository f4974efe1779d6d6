/**
 * What the Lambda function modules' {@code @QuarkusTest}s share: embedded S3 and SQS as a test
 * resource, saved Lambda SQS events and generated audio.
 */
package io.genreflow.function.testing;
