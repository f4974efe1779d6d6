package io.genreflow.dashboard.auth;

import java.net.URI;
import java.util.Optional;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Accepts the ID tokens of one Cognito user pool issued to one app client: RS256-signed by a key of
 * the pool's JWKS, from the pool's issuer, for the client, not expired, {@code token_use} "id".
 * The key set is fetched on first use and again when a token names a key it lacks (Cognito
 * rotates keys that way), so an instance verifies without calling Cognito per request.
 */
public final class TokenVerifier {

    /** Tolerated clock difference between Cognito and this function. */
    private static final int CLOCK_SKEW_SECONDS = 30;

    private static final System.Logger LOG = System.getLogger(TokenVerifier.class.getName());

    private final JwtConsumer consumer;

    /** A verifier of {@code issuer}'s ID tokens for {@code clientId}. */
    public TokenVerifier(URI issuer, String clientId) {
        HttpsJwks keys = new HttpsJwks(issuer + "/.well-known/jwks.json");
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setExpectedIssuer(issuer.toString())
                .setExpectedAudience(clientId)
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(keys))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    /** The user {@code token} names, when it is a valid ID token of the pool for the client. */
    public Optional<SignedInUser> verify(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            if (!"id".equals(claims.getClaimValueAsString("token_use"))) {
                LOG.log(System.Logger.Level.DEBUG, "refused a token that is not an ID token");
                return Optional.empty();
            }
            String name = firstOf(claims.getClaimValueAsString("email"),
                    claims.getClaimValueAsString("cognito:username"), claims.getSubject());
            return Optional.of(new SignedInUser(claims.getSubject(), name));
        } catch (InvalidJwtException | MalformedClaimException e) {
            LOG.log(System.Logger.Level.DEBUG, "refused a token: {0}", e.getMessage());
            return Optional.empty();
        }
    }

    private static String firstOf(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
