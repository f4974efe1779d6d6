package io.genreflow.dashboard.lambda;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Lambda package has the dashboard's sign-in on: through the mock event server (plain HTTP
 * turned into API Gateway events), a page without a session goes to /auth/login, which goes to the
 * user pool's hosted pages with a PKCE challenge; the API answers 401; health stays open. Tokens
 * themselves are verified against a JWKS in the dashboard module's tests (the user pool here is
 * not reachable, and none of these requests needs it).
 */
@QuarkusTest
class SignInRequiredTest {

    @Test
    void aPageWithoutASessionGoesToSignIn() {
        given().redirects().follow(false).accept("text/html").get("/").then().statusCode(303)
                .header("Location", endsWith("/auth/login"));
    }

    @Test
    void signInGoesToTheHostedPagesWithAChallengeAndKeepsTheAttemptInACookie() {
        List<String> cookies = given().redirects().follow(false).get("/auth/login").then().statusCode(303)
                .header("Location", startsWith("https://genreflow-test.auth.us-east-1.amazoncognito.com/oauth2/authorize?"))
                .header("Location", containsString("client_id=test-client"))
                .header("Location", containsString("redirect_uri=http%3A%2F%2Flocalhost%3A"))
                .header("Location", containsString("code_challenge_method=S256"))
                .extract().headers().getValues("Set-Cookie");
        String attempt = cookies.stream().filter(c -> c.startsWith("genreflow-sign-in=")).findFirst().orElseThrow();
        assertTrue(attempt.contains("HttpOnly") && attempt.contains("SameSite=Lax") && attempt.contains("Path=/auth"),
                attempt);
    }

    @Test
    void theApiAndAnUnknownTokenGet401AndHealthStaysOpen() {
        given().accept("application/json").get("/api/models").then().statusCode(401);
        given().header("Authorization", "Bearer not.a.token").get("/api/models").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aCallbackThatThisBrowserDidNotStartIsRefused() {
        given().redirects().follow(false).get("/auth/callback?code=c&state=s").then().statusCode(400)
                .body(containsString("not started here"));
    }
}
