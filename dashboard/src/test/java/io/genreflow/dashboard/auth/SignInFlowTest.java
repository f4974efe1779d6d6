package io.genreflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The code flow's URLs, and the code's exchange against a token endpoint that is a real HTTP
 * server on loopback standing in for Cognito's ({@link FakeCognito}), since Cognito cannot be
 * reached from our machines.
 */
class SignInFlowTest {

    private static final URI CALLBACK = URI.create("https://api.example/auth/callback");

    private static FakeCognito cognito;
    private static SignInFlow flow;

    @BeforeAll
    static void start() {
        cognito = new FakeCognito();
        flow = new SignInFlow(cognito.settings(), HttpClient.newHttpClient());
    }

    @AfterAll
    static void stop() {
        cognito.close();
    }

    /** The expected challenge was computed apart, with Python's hashlib.sha256 and urlsafe_b64encode, unpadded. */
    @Test
    void thePkceChallengeIsTheVerifiersUnpaddedBase64UrlSha256() {
        assertEquals("fViQOzxu3JG2IWAb_JxQ3s_5m_dkdleSxqVxVnuGtVQ",
                SignInFlow.challenge("dBjftJeZ4CVP-mJ92K9F16rr1YTXJpjaFtCM0X3Y3l8"));
        assertNotEquals(SignInFlow.randomValue(), SignInFlow.randomValue());
        assertEquals(43, SignInFlow.randomValue().length());
    }

    @Test
    void theSignInUrlAsksTheHostedPagesForACodeWithTheChallenge() {
        URI url = flow.authorizeUrl(CALLBACK, "the-state", "the-verifier");
        assertEquals(cognito.signInUrl() + "/oauth2/authorize", url.getScheme() + "://" + url.getRawAuthority() + url.getPath());
        Map<String, String> query = query(url);
        assertEquals(Map.of("response_type", "code", "client_id", FakeCognito.CLIENT_ID,
                "redirect_uri", CALLBACK.toString(), "scope", "openid email profile", "state", "the-state",
                "code_challenge", SignInFlow.challenge("the-verifier"), "code_challenge_method", "S256"), query);
    }

    @Test
    void theCodeIsExchangedWithItsVerifierForAnIdTokenThePoolSigned() throws Exception {
        String idToken = flow.exchange(FakeCognito.CODE, CALLBACK, "the-verifier");

        Map<String, String> sent = cognito.tokenRequests().getLast();
        assertEquals(Map.of("grant_type", "authorization_code", "client_id", FakeCognito.CLIENT_ID,
                "code", FakeCognito.CODE, "redirect_uri", CALLBACK.toString(), "code_verifier", "the-verifier"), sent);
        assertTrue(new TokenVerifier(cognito.issuer(), FakeCognito.CLIENT_ID).verify(idToken).isPresent());
    }

    @Test
    void aRefusedCodeSaysWhy() {
        SignInFlow.SignInException error = assertThrows(SignInFlow.SignInException.class,
                () -> flow.exchange("a-stale-code", CALLBACK, "the-verifier"));
        assertTrue(error.getMessage().contains("400 invalid_grant"), error.getMessage());
    }

    @Test
    void anUnreachableTokenEndpointSaysSo() {
        SignInFlow offline = new SignInFlow(new SignInSettings(true, cognito.issuer(), FakeCognito.CLIENT_ID,
                URI.create("http://127.0.0.1:1")), HttpClient.newHttpClient());
        SignInFlow.SignInException error = assertThrows(SignInFlow.SignInException.class,
                () -> offline.exchange(FakeCognito.CODE, CALLBACK, "v"));
        assertTrue(error.getMessage().contains("could not be reached"), error.getMessage());
    }

    @Test
    void theSignOutUrlReturnsToTheDashboard() {
        URI url = flow.logoutUrl(URI.create("https://api.example/"));
        assertEquals("/logout", url.getPath());
        assertEquals(Map.of("client_id", FakeCognito.CLIENT_ID, "logout_uri", "https://api.example/"), query(url));
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> values = new HashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            values.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
