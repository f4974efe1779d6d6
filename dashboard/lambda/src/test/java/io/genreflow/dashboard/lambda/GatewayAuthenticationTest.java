package io.genreflow.dashboard.lambda;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * The Lambda package serves only requests that API Gateway's JWT authorizer let through: the mock
 * event server turns plain HTTP requests into API Gateway events without authorizer claims, which
 * must be refused, while an event carrying verified claims is served.
 */
@QuarkusTest
class GatewayAuthenticationTest {

    @Test
    void refusesRequestsWithoutTheAuthorizersClaims() {
        given().get("/api/models").then().statusCode(401);
        given().get("/").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void servesAnEventWithVerifiedClaims() {
        Map<String, Object> event = Map.of(
                "version", "2.0", "routeKey", "$default", "rawPath", "/api/models", "rawQueryString", "",
                "headers", Map.of("host", "dashboard.example", "accept", "application/json"),
                "isBase64Encoded", false,
                "requestContext", Map.of("routeKey", "$default", "stage", "$default", "requestId", "test-1",
                        "http", Map.of("method", "GET", "path", "/api/models", "protocol", "HTTP/1.1",
                                "sourceIp", "192.0.2.1", "userAgent", "test"),
                        "authorizer", Map.of("jwt", Map.of("claims", Map.of("sub", "user-1",
                                "cognito:username", "alice", "iss", "https://cognito-idp.example/pool"),
                                "scopes", List.of()))));
        given().contentType(ContentType.JSON).body(event).post("/_lambda_").then().statusCode(200)
                .body("statusCode", equalTo(200));
    }
}
