package io.genreflow.dashboard.web;

import io.genreflow.dashboard.auth.SignInFlow;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The browser's sign-in with Cognito's hosted pages: /auth/login starts the code flow with PKCE,
 * /auth/callback exchanges the code and sets the session cookie, /auth/logout clears it. With
 * sign-in off these paths do not exist.
 */
@Path("/auth")
@Produces(MediaType.TEXT_PLAIN)
public class SignInResource {

    private static final String CALLBACK = "/auth/callback";

    private final SignIn signIn;

    SignInResource(SignIn signIn) {
        this.signIn = signIn;
    }

    @GET
    @Path("login")
    public Response login(@Context UriInfo uri, @Context HttpHeaders headers) {
        if (!signIn.enabled()) {
            return notFound();
        }
        String state = SignInFlow.randomValue();
        String verifier = SignInFlow.randomValue();
        URI origin = SignIn.origin(uri, headers);
        URI callback = URI.create(origin + CALLBACK);
        return Response.seeOther(signIn.flow().authorizeUrl(callback, state, verifier))
                .cookie(cookie(SignIn.ATTEMPT_COOKIE, state + "." + verifier, "/auth", SignIn.ATTEMPT_SECONDS, origin))
                .build();
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error, @CookieParam(SignIn.ATTEMPT_COOKIE) String attempt,
                             @Context UriInfo uri, @Context HttpHeaders headers) {
        if (!signIn.enabled()) {
            return notFound();
        }
        if (error != null) {
            return refused("Cognito did not sign you in (" + error + "). Try again: /auth/login");
        }
        int dot = attempt == null ? -1 : attempt.indexOf('.');
        if (code == null || state == null || dot < 0 || !sameValue(state, attempt.substring(0, dot))) {
            return refused("This sign-in was not started here or took too long. Start again: /auth/login");
        }
        URI origin = SignIn.origin(uri, headers);
        URI callback = URI.create(origin + CALLBACK);
        String idToken;
        try {
            idToken = signIn.flow().exchange(code, callback, attempt.substring(dot + 1));
        } catch (SignInFlow.SignInException e) {
            return refused("Signing in failed: " + e.getMessage() + ". Start again: /auth/login");
        }
        if (signIn.verifier().verify(idToken).isEmpty()) {
            return refused("Cognito returned a token this dashboard does not accept. Start again: /auth/login");
        }
        return Response.seeOther(URI.create("/"))
                .cookie(cookie(SignIn.SESSION_COOKIE, idToken, "/", SignIn.SESSION_SECONDS, origin),
                        cookie(SignIn.ATTEMPT_COOKIE, "", "/auth", 0, origin))
                .build();
    }

    @GET
    @Path("logout")
    public Response logout(@Context UriInfo uri, @Context HttpHeaders headers) {
        if (!signIn.enabled()) {
            return notFound();
        }
        URI origin = SignIn.origin(uri, headers);
        return Response.seeOther(signIn.flow().logoutUrl(URI.create(origin + "/")))
                .cookie(cookie(SignIn.SESSION_COOKIE, "", "/", 0, origin))
                .build();
    }

    private static NewCookie cookie(String name, String value, String path, int maxAge, URI origin) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAge).httpOnly(true)
                .secure("https".equals(origin.getScheme())).sameSite(NewCookie.SameSite.LAX).build();
    }

    private static boolean sameValue(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static Response refused(String message) {
        return Response.status(Response.Status.BAD_REQUEST).entity(message).build();
    }

    private static Response notFound() {
        return Response.status(Response.Status.NOT_FOUND).build();
    }
}
