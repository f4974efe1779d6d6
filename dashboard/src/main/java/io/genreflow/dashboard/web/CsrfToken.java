package io.genreflow.dashboard.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The double-submit token against cross-site request forgery, without server-side state: a random
 * value in a SameSite cookie that pages repeat in a form field or a request header. Another site
 * can make a browser send the cookie but cannot read it, so it cannot repeat it.
 */
public final class CsrfToken {

    /** The cookie's name. */
    public static final String COOKIE = "genreflow_csrf";
    /** The header scripts send the token in. */
    public static final String HEADER = "X-CSRF-Token";
    /** The form field pages send the token in. */
    public static final String FIELD = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private CsrfToken() {
    }

    /** A new random token (256 bits). */
    public static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code cookie} is a token this class made (any other value is replaced). */
    public static boolean isWellFormed(String cookie) {
        return cookie != null && FORMAT.matcher(cookie).matches();
    }

    /** Whether the submitted value repeats the cookie; compared in constant time. */
    public static boolean matches(String cookie, String submitted) {
        return isWellFormed(cookie) && submitted != null && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.US_ASCII), submitted.getBytes(StandardCharsets.US_ASCII));
    }
}
