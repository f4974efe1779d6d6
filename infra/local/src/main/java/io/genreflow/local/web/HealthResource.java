package io.genreflow.local.web;

import io.genreflow.json.Json;
import io.genreflow.local.Endpoints;
import io.genreflow.local.LocalStack;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;

/** A small JSON document saying the stack is up and where its parts are, without secrets. */
@Path("/health")
public class HealthResource {

    private final LocalStack stack;

    HealthResource(LocalStack stack) {
        this.stack = stack;
    }

    /**
     * The stack's state.
     *
     * @param status      "UP"
     * @param mode        "embedded" or "external"
     * @param bucket      the upload bucket
     * @param s3Endpoint  the S3 endpoint, null for AWS
     * @param sqsEndpoint the SQS endpoint, null for AWS
     */
    @RegisterForReflection
    public record Health(String status, String mode, String bucket, String s3Endpoint, String sqsEndpoint) {
    }

    /** The health document. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String health() throws JsonProcessingException {
        Endpoints endpoints = stack.endpoints();
        return Json.mapper().writeValueAsString(new Health("UP", endpoints.mode(), endpoints.bucket(),
                endpoints.s3Endpoint(), endpoints.sqsEndpoint()));
    }
}
