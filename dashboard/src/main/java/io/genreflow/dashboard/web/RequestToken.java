package io.genreflow.dashboard.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;

/**
 * This request's CSRF token: the one in the cookie, or a fresh one the response then sets as the
 * cookie. Pages embed {@link #value()}; state-changing endpoints {@link #require} it back.
 */
@RequestScoped
public class RequestToken {

    private String value;
    private boolean fresh;

    /** Takes the cookie's value, or makes a new token when there is none (or a forged one). */
    void use(String cookie) {
        fresh = !CsrfToken.isWellFormed(cookie);
        value = fresh ? CsrfToken.fresh() : cookie;
    }

    /** The token pages repeat in forms and scripts in the {@value CsrfToken#HEADER} header. */
    public String value() {
        return value;
    }

    /** Whether the response must set the cookie. */
    boolean isFresh() {
        return fresh;
    }

    /**
     * Refuses the request unless {@code submitted} repeats the cookie.
     *
     * @throws ForbiddenException otherwise
     */
    public void require(String submitted) {
        if (fresh || !CsrfToken.matches(value, submitted)) {
            throw new ForbiddenException("the request lacks this browser's CSRF token: reload the page and try again");
        }
    }
}
