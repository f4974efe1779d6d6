package io.genreflow.local.web;

import io.genreflow.local.Endpoints;
import io.genreflow.local.LocalStack;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The dashboard: for now a page saying the stack runs and how to upload. */
@Path("/")
public class DashboardResource {

    private final Template dashboard;
    private final LocalStack stack;

    DashboardResource(Template dashboard, LocalStack stack) {
        this.dashboard = dashboard;
        this.stack = stack;
    }

    /** The dashboard page. */
    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        Endpoints endpoints = stack.endpoints();
        return dashboard.data("bucket", endpoints.bucket())
                .data("s3Endpoint", endpoints.s3Endpoint())
                .data("region", endpoints.region())
                .data("uploadCommand", "aws " + (endpoints.s3Endpoint() == null ? ""
                        : "--endpoint-url " + endpoints.s3Endpoint() + " ")
                        + "s3 cp song.mp3 s3://" + endpoints.bucket() + "/uploads/");
    }
}
