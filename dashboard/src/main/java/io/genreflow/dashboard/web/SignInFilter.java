package io.genreflow.dashboard.web;

import io.genreflow.dashboard.auth.SignInGate;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * With sign-in on, a request without a valid token goes no further: a page navigation is sent to
 * /auth/login, anything else gets 401. It runs before every other filter and resource.
 */
public class SignInFilter {

    private final SignIn signIn;

    SignInFilter(SignIn signIn) {
        this.signIn = signIn;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    Optional<Response> requireSignIn(ContainerRequestContext request) {
        if (!signIn.enabled()) {
            return Optional.empty();
        }
        Cookie session = request.getCookies().get(SignIn.SESSION_COOKIE);
        SignInGate.Outcome outcome = signIn.gate().decide(request.getUriInfo().getRequestUri().getPath(),
                request.getMethod(), request.getHeaderString(HttpHeaders.ACCEPT),
                session == null ? null : session.getValue(), request.getHeaderString(HttpHeaders.AUTHORIZATION));
        return switch (outcome) {
            case ALLOW -> Optional.empty();
            case SIGN_IN -> Optional.of(Response.seeOther(URI.create("/auth/login")).build());
            case UNAUTHORIZED -> Optional.of(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .type(MediaType.TEXT_PLAIN_TYPE).entity("sign in first: /auth/login").build());
        };
    }
}
