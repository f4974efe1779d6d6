package io.genreflow.dashboard.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 authorisation code flow with PKCE against Cognito's hosted pages, for a public
 * client (no secret): the sign-in URL, the code's exchange for tokens at the token endpoint, and
 * the sign-out URL.
 */
public final class SignInFlow {

    /** The scopes asked for: the ID token and the user's e-mail address and name. */
    static final String SCOPES = "openid email profile";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SignInSettings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public SignInFlow(SignInSettings settings, HttpClient http) {
        this.settings = settings;
        this.http = http;
    }

    /** The code exchange failed: Cognito refused the code, or could not be reached. */
    public static final class SignInException extends Exception {
        SignInException(String message) {
            super(message);
        }
    }

    /** A fresh random value for the state or the PKCE verifier: 256 bits, base64url. */
    public static String randomValue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The PKCE S256 challenge of {@code verifier} (RFC 7636, section 4.2). */
    public static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Where the browser signs in; Cognito comes back to {@code callback} with the code and {@code state}. */
    public URI authorizeUrl(URI callback, String state, String verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", callback.toString());
        query.put("scope", SCOPES);
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return URI.create(settings.signInUrl() + "/oauth2/authorize?" + form(query));
    }

    /** Where the browser signs out of the hosted pages, coming back to {@code returnTo}. */
    public URI logoutUrl(URI returnTo) {
        return URI.create(settings.signInUrl() + "/logout?" + form(Map.of("client_id", settings.clientId(),
                "logout_uri", returnTo.toString())));
    }

    /**
     * The ID token Cognito issues for {@code code}, sent with the same {@code callback} and the
     * verifier whose challenge the sign-in carried. The caller verifies the token like any other.
     */
    public String exchange(String code, URI callback, String verifier) throws SignInException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("client_id", settings.clientId());
        body.put("code", code);
        body.put("redirect_uri", callback.toString());
        body.put("code_verifier", verifier);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.signInUrl() + "/oauth2/token"))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(body)))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SignInException("the token endpoint could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInException("interrupted while exchanging the code");
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (IOException e) {
            throw new SignInException("the token endpoint answered " + response.statusCode() + " with no JSON");
        }
        if (response.statusCode() != 200) {
            throw new SignInException("the token endpoint refused the code (" + response.statusCode() + " "
                    + answer.path("error").asText("no error named") + ")");
        }
        String idToken = answer.path("id_token").asText("");
        if (idToken.isEmpty()) {
            throw new SignInException("the token endpoint returned no ID token");
        }
        return idToken;
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
