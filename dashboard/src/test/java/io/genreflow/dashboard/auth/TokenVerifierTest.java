package io.genreflow.dashboard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens signed with jose4j against a user pool's JWKS served over loopback HTTP ({@link FakeCognito}). */
class TokenVerifierTest {

    private static FakeCognito cognito;
    private static TokenVerifier verifier;

    @BeforeAll
    static void start() {
        cognito = new FakeCognito();
        verifier = new TokenVerifier(cognito.issuer(), FakeCognito.CLIENT_ID);
    }

    @AfterAll
    static void stop() {
        cognito.close();
    }

    @Test
    void acceptsAValidIdTokenAndNamesItsUser() {
        assertEquals(Optional.of(new SignedInUser("user-1", "alice@example.org")),
                verifier.verify(cognito.idToken(cognito.claims())));
    }

    @Test
    void refusesAnExpiredToken() {
        JwtClaims claims = cognito.claims();
        claims.setExpirationTime(FakeCognito.longAgo());
        assertTrue(verifier.verify(cognito.idToken(claims)).isEmpty());
    }

    @Test
    void refusesATokenForAnotherClient() {
        JwtClaims claims = cognito.claims();
        claims.setAudience("another-client");
        assertTrue(verifier.verify(cognito.idToken(claims)).isEmpty());
    }

    @Test
    void refusesATokenOfAnotherIssuer() {
        JwtClaims claims = cognito.claims();
        claims.setIssuer("https://cognito-idp.us-east-1.amazonaws.com/another-pool");
        assertTrue(verifier.verify(cognito.idToken(claims)).isEmpty());
    }

    @Test
    void refusesATokenSignedWithAnotherKey() {
        assertTrue(verifier.verify(cognito.forgedToken(cognito.claims())).isEmpty());
    }

    @Test
    void refusesAnAccessToken() {
        JwtClaims claims = cognito.claims();
        claims.setClaim("token_use", "access");
        assertTrue(verifier.verify(cognito.idToken(claims)).isEmpty());
    }

    @Test
    void refusesNoTokenAndGarbage() {
        assertTrue(verifier.verify(null).isEmpty());
        assertTrue(verifier.verify("").isEmpty());
        assertTrue(verifier.verify("not.a.token").isEmpty());
    }
}
