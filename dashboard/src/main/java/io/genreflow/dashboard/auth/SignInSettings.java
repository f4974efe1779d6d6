package io.genreflow.dashboard.auth;

import io.genreflow.settings.Setting;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Whether the dashboard itself asks for a Cognito sign-in, and where: the user pool that issues the
 * tokens, the app client they are issued to, and the hosted sign-in pages.
 *
 * @param enabled   whether every request but health needs a valid token
 * @param issuer    the user pool's issuer URL, {@code https://cognito-idp.<region>.amazonaws.com/<pool id>}
 * @param clientId  the dashboard's app client, the tokens' audience
 * @param signInUrl the hosted sign-in pages' base URL, {@code https://<prefix>.auth.<region>.amazoncognito.com}
 */
public record SignInSettings(boolean enabled, URI issuer, String clientId, URI signInUrl) {

    /** Sign-in on or off. */
    public static final Setting ENABLED = Setting.optional("genreflow.dashboard.auth.enabled", false,
            "whether every request but health needs a Cognito sign-in (a session cookie or a Bearer token);"
                    + " the deployment turns it on, the local stack leaves it off");
    /** The user pool's issuer. */
    public static final Setting ISSUER = Setting.optional("genreflow.dashboard.auth.issuer", "",
            "the user pool's issuer URL, https://cognito-idp.{region}.amazonaws.com/{pool id}; its keys are read"
                    + " from {issuer}/.well-known/jwks.json (required when sign-in is on)");
    /** The app client. */
    public static final Setting CLIENT_ID = Setting.optional("genreflow.dashboard.auth.client-id", "",
            "the dashboard's app client id: the audience tokens must name (required when sign-in is on)");
    /** The hosted sign-in pages. */
    public static final Setting SIGN_IN_URL = Setting.optional("genreflow.dashboard.auth.sign-in-url", "",
            "the base URL of the user pool's hosted sign-in pages, https://{prefix}.auth.{region}.amazoncognito.com"
                    + " (required when sign-in is on)");

    /** Every sign-in setting. */
    public static final List<Setting> DEFINITIONS = List.of(ENABLED, ISSUER, CLIENT_ID, SIGN_IN_URL);

    /** Sign-in off. */
    public static final SignInSettings OFF = new SignInSettings(false, null, null, null);

    public SignInSettings {
        if (enabled) {
            requireHttpUrl(ISSUER, issuer);
            requireHttpUrl(SIGN_IN_URL, signInUrl);
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException(CLIENT_ID + " is required when sign-in is on");
            }
        }
    }

    /** What {@code source} gives by property name; throws naming a missing or bad setting. */
    public static SignInSettings from(Function<String, Optional<String>> source) {
        boolean enabled = ENABLED.parse(source, SignInSettings::parseBoolean, "true or false");
        if (!enabled) {
            return OFF;
        }
        return new SignInSettings(true, url(ISSUER, source), CLIENT_ID.value(source).trim(), url(SIGN_IN_URL, source));
    }

    private static boolean parseBoolean(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("neither true nor false");
        };
    }

    private static URI url(Setting setting, Function<String, Optional<String>> source) {
        String value = setting.value(source).trim();
        if (value.isEmpty()) {
            return null;
        }
        String withoutSlash = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return setting.parse(name -> Optional.of(withoutSlash), URI::create, "a URL");
    }

    private static void requireHttpUrl(Setting setting, URI url) {
        if (url == null || url.getHost() == null
                || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()) && isLoopback(url))) {
            throw new IllegalArgumentException(setting + " must be an https URL when sign-in is on, got " + url);
        }
    }

    /** Plain http only on loopback, where the tests stand in for Cognito. */
    private static boolean isLoopback(URI url) {
        return "127.0.0.1".equals(url.getHost()) || "localhost".equals(url.getHost());
    }
}
