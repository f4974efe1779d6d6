package io.genreflow.dashboard.web;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Map;

/**
 * Refused requests say why: as {@code {"error": "..."}} under {@code /api}, as a page elsewhere.
 * Only the dashboard's own messages reach the user; they never contain a credential.
 */
public class ErrorPages {

    private final Template message;
    private final RequestToken token;

    ErrorPages(@Location("dashboard/message.html") Template message, RequestToken token) {
        this.message = message;
        this.token = token;
    }

    @ServerExceptionMapper
    Response refused(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String reason = e.getMessage() == null ? Response.Status.fromStatusCode(status).getReasonPhrase() : e.getMessage();
        if (uri.getPath().startsWith("/api/")) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", reason)).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(message.data("title", Response.Status.fromStatusCode(status).getReasonPhrase())
                        .data("csrf", token.value()).data("text", reason).data("next", "/").render())
                .build();
    }
}
