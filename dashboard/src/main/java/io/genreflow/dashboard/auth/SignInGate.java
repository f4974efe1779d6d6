package io.genreflow.dashboard.auth;

import java.util.Locale;

/**
 * What a request gets when sign-in is on: through with a valid token (the session cookie, or an
 * {@code Authorization: Bearer} header for API clients), else a page navigation goes to sign in
 * and anything else gets 401. The sign-in endpoints themselves stay open.
 */
public final class SignInGate {

    /** The gate's answer. */
    public enum Outcome {
        /** Serve the request. */
        ALLOW,
        /** Send the browser to /auth/login. */
        SIGN_IN,
        /** Answer 401. */
        UNAUTHORIZED
    }

    /** The paths served without a token: the sign-in flow and health. */
    private static final String AUTH_PATHS = "/auth/";

    private final TokenVerifier verifier;

    public SignInGate(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * The outcome of a request.
     *
     * @param path          the request's path
     * @param method        the HTTP method
     * @param accept        the Accept header, or null
     * @param sessionToken  the session cookie's token, or null
     * @param authorization the Authorization header, or null
     */
    public Outcome decide(String path, String method, String accept, String sessionToken, String authorization) {
        if (path.startsWith(AUTH_PATHS) || path.equals("/q/health") || path.startsWith("/q/health/")) {
            return Outcome.ALLOW;
        }
        if (verifier.verify(bearer(authorization)).isPresent() || verifier.verify(sessionToken).isPresent()) {
            return Outcome.ALLOW;
        }
        boolean pageNavigation = ("GET".equals(method) || "HEAD".equals(method)) && !path.startsWith("/api/")
                && accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
        return pageNavigation ? Outcome.SIGN_IN : Outcome.UNAUTHORIZED;
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
