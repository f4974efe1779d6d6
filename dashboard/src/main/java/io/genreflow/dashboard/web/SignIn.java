package io.genreflow.dashboard.web;

import io.genreflow.dashboard.auth.SignInFlow;
import io.genreflow.dashboard.auth.SignInGate;
import io.genreflow.dashboard.auth.SignInSettings;
import io.genreflow.dashboard.auth.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The dashboard's own sign-in, made on first use from the settings: the gate every request passes,
 * the code flow, and the cookies they use. Holds no per-user state: the session is the ID token in
 * the browser's cookie, verified on every request, so any Lambda instance serves any request.
 */
@ApplicationScoped
public class SignIn {

    /** The session cookie: Cognito's ID token. */
    static final String SESSION_COOKIE = "genreflow-session";
    /** The sign-in attempt's state and PKCE verifier, between /auth/login and /auth/callback. */
    static final String ATTEMPT_COOKIE = "genreflow-sign-in";
    /** How long the session cookie lives: Cognito's default ID token lifetime. */
    static final int SESSION_SECONDS = 3600;
    /** How long a sign-in attempt may take on the hosted pages. */
    static final int ATTEMPT_SECONDS = 600;

    private final DashboardServices services;
    private volatile Parts parts;

    SignIn(DashboardServices services) {
        this.services = services;
    }

    private record Parts(SignInGate gate, SignInFlow flow, TokenVerifier verifier) {
    }

    /** Whether requests need a sign-in. */
    boolean enabled() {
        return services.settings().signIn().enabled();
    }

    SignInGate gate() {
        return parts().gate();
    }

    SignInFlow flow() {
        return parts().flow();
    }

    TokenVerifier verifier() {
        return parts().verifier();
    }

    /** The dashboard's origin as the browser addressed it (behind API Gateway: https and the API's host). */
    static URI origin(UriInfo uri, HttpHeaders headers) {
        String forwarded = headers.getHeaderString("X-Forwarded-Proto");
        String scheme = forwarded != null ? forwarded : uri.getRequestUri().getScheme();
        String host = headers.getHeaderString(HttpHeaders.HOST);
        return URI.create(scheme + "://" + (host != null ? host : uri.getRequestUri().getRawAuthority()));
    }

    private Parts parts() {
        Parts current = parts;
        if (current == null) {
            synchronized (this) {
                if (parts == null) {
                    SignInSettings settings = services.settings().signIn();
                    TokenVerifier verifier = new TokenVerifier(settings.issuer(), settings.clientId());
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                    parts = new Parts(new SignInGate(verifier), new SignInFlow(settings, http), verifier);
                }
                current = parts;
            }
        }
        return current;
    }
}
