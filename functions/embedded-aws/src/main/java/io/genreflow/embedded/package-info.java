/**
 * S3 (S3Proxy) and SQS (ElasticMQ) servers that run inside the JVM on 127.0.0.1: the local stack's
 * storage and queues, and real servers for tests to talk to with the AWS SDK.
 */
package io.genreflow.embedded;
