package io.genreflow.dashboard.auth;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A stand-in for a Cognito user pool and its hosted pages, as real HTTP on 127.0.0.1 (Cognito
 * itself cannot be reached from our machines): the pool's JWKS at
 * {@code <issuer>/.well-known/jwks.json} and the token endpoint at {@code /oauth2/token}, which
 * answers one authorisation code with an ID token it signs with the pool's key.
 */
final class FakeCognito implements AutoCloseable {

    static final String CLIENT_ID = "dashboard-client";
    static final String CODE = "the-one-code";

    private final HttpServer server;
    private final RsaJsonWebKey key;
    private final List<Map<String, String>> tokenRequests = new CopyOnWriteArrayList<>();

    FakeCognito() {
        try {
            key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("pool-key-1");
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JoseException | IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/pool/.well-known/jwks.json", exchange -> {
            byte[] body = new JsonWebKeySet(key).toJson().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/oauth2/token", exchange -> {
            Map<String, String> form = parseForm(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            tokenRequests.add(form);
            boolean good = "POST".equals(exchange.getRequestMethod()) && CODE.equals(form.get("code"))
                    && CLIENT_ID.equals(form.get("client_id"));
            byte[] body = (good ? "{\"id_token\":\"" + idToken(claims()) + "\",\"access_token\":\"a\",\"token_type\":\"Bearer\"}"
                    : "{\"error\":\"invalid_grant\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(good ? 200 : 400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The pool's issuer URL. */
    URI issuer() {
        return URI.create(base() + "/pool");
    }

    /** The hosted pages' base URL. */
    URI signInUrl() {
        return URI.create(base());
    }

    /** Sign-in settings pointing at this pool. */
    SignInSettings settings() {
        return new SignInSettings(true, issuer(), CLIENT_ID, signInUrl());
    }

    /** The forms the token endpoint received. */
    List<Map<String, String>> tokenRequests() {
        return tokenRequests;
    }

    /** The claims of a valid ID token of this pool for the dashboard, valid ten minutes. */
    JwtClaims claims() {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer().toString());
        claims.setAudience(CLIENT_ID);
        claims.setSubject("user-1");
        claims.setClaim("token_use", "id");
        claims.setClaim("email", "alice@example.org");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(10);
        return claims;
    }

    /** {@code claims} signed with the pool's key. */
    String idToken(JwtClaims claims) {
        return sign(claims, key);
    }

    /** {@code claims} signed with another key that claims the pool key's id. */
    String forgedToken(JwtClaims claims) {
        try {
            RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
            other.setKeyId(key.getKeyId());
            return sign(claims, other);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A past expiry, beyond the verifier's clock-skew allowance. */
    static NumericDate longAgo() {
        NumericDate date = NumericDate.now();
        date.addSeconds(-600);
        return date;
    }

    private static String sign(JwtClaims claims, RsaJsonWebKey signer) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signer.getPrivateKey());
        jws.setKeyIdHeaderValue(signer.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
