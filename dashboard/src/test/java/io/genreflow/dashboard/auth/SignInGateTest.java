package io.genreflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.genreflow.dashboard.auth.SignInGate.Outcome;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which requests pass, go to sign in or get 401, with real tokens verified against {@link FakeCognito}. */
class SignInGateTest {

    private static final String HTML = "text/html,application/xhtml+xml,*/*;q=0.8";

    private static FakeCognito cognito;
    private static SignInGate gate;

    @BeforeAll
    static void start() {
        cognito = new FakeCognito();
        gate = new SignInGate(new TokenVerifier(cognito.issuer(), FakeCognito.CLIENT_ID));
    }

    @AfterAll
    static void stop() {
        cognito.close();
    }

    @Test
    void aPageWithoutASessionCookieGoesToSignIn() {
        assertEquals(Outcome.SIGN_IN, gate.decide("/", "GET", HTML, null, null));
        assertEquals(Outcome.SIGN_IN, gate.decide("/tracks/abc", "GET", HTML, null, null));
    }

    @Test
    void anApiRequestOrAFormPostWithoutATokenGets401() {
        assertEquals(Outcome.UNAUTHORIZED, gate.decide("/api/tracks", "GET", "application/json", null, null));
        assertEquals(Outcome.UNAUTHORIZED, gate.decide("/api/tracks", "GET", HTML, null, null));
        assertEquals(Outcome.UNAUTHORIZED, gate.decide("/tracks/abc/delete", "POST", HTML, null, null));
    }

    @Test
    void aValidSessionCookieOrBearerTokenPasses() {
        String token = cognito.idToken(cognito.claims());
        assertEquals(Outcome.ALLOW, gate.decide("/", "GET", HTML, token, null));
        assertEquals(Outcome.ALLOW, gate.decide("/api/tracks", "GET", "application/json", null, "Bearer " + token));
    }

    @Test
    void anExpiredOrForeignTokenIsNoSignIn() {
        JwtClaims expired = cognito.claims();
        expired.setExpirationTime(FakeCognito.longAgo());
        JwtClaims foreign = cognito.claims();
        foreign.setAudience("another-client");
        assertEquals(Outcome.SIGN_IN, gate.decide("/", "GET", HTML, cognito.idToken(expired), null));
        assertEquals(Outcome.UNAUTHORIZED, gate.decide("/api/models", "GET", "application/json", null,
                "Bearer " + cognito.idToken(foreign)));
        assertEquals(Outcome.UNAUTHORIZED, gate.decide("/api/models", "GET", "application/json", null,
                "Basic " + cognito.idToken(cognito.claims())));
    }

    @Test
    void theSignInFlowAndHealthStayOpen() {
        assertEquals(Outcome.ALLOW, gate.decide("/auth/login", "GET", HTML, null, null));
        assertEquals(Outcome.ALLOW, gate.decide("/auth/callback", "GET", HTML, null, null));
        assertEquals(Outcome.ALLOW, gate.decide("/q/health/live", "GET", null, null, null));
        assertEquals(Outcome.UNAUTHORIZED, gate.decide("/authx", "GET", null, null, null));
    }
}
