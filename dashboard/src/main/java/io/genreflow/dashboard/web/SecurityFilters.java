package io.genreflow.dashboard.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Every dashboard response carries a Content-Security-Policy that allows scripts, styles and
 * images from the dashboard only (no inline script), audio and uploads from S3 only, and no
 * framing. State-changing requests from another origin are refused before any resource runs;
 * the CSRF token ({@link RequestToken}) is the second check.
 */
public class SecurityFilters {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final RequestToken token;
    private final DashboardServices services;

    SecurityFilters(RequestToken token, DashboardServices services) {
        this.token = token;
        this.services = services;
    }

    @ServerRequestFilter
    Optional<Response> checkOrigin(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(CsrfToken.COOKIE);
        token.use(cookie == null ? null : cookie.getValue());
        if (SAFE_METHODS.contains(request.getMethod()) || sameOrigin(request)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("cross-origin request refused").build());
    }

    @ServerResponseFilter
    void addHeaders(ContainerRequestContext request, ContainerResponseContext response) {
        String s3 = services.s3Origin();
        response.getHeaders().putSingle("Content-Security-Policy", "default-src 'none'; script-src 'self';"
                + " style-src 'self'; img-src 'self' data:; media-src 'self' " + s3 + "; connect-src 'self' " + s3
                + "; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        response.getHeaders().putSingle("X-Frame-Options", "DENY");
        if (token.isFresh()) {
            boolean https = "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"))
                    || "https".equals(request.getUriInfo().getRequestUri().getScheme());
            response.getHeaders().add("Set-Cookie", new NewCookie.Builder(CsrfToken.COOKIE).value(token.value())
                    .path("/").httpOnly(true).secure(https).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    /**
     * A browser names the page's origin in Origin on every cross-origin request and every POST;
     * non-browser clients send none and are left to the token check.
     */
    private static boolean sameOrigin(ContainerRequestContext request) {
        String origin = request.getHeaderString("Origin");
        String host = request.getHeaderString("Host");
        if (origin == null) {
            String site = request.getHeaderString("Sec-Fetch-Site");
            return site == null || site.equals("same-origin") || site.equals("none");
        }
        try {
            return host != null && host.equalsIgnoreCase(URI.create(origin).getAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
