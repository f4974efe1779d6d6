package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** The dashboard: a Lambda behind an HTTP API whose every route needs a Cognito token. */
class DashboardTest {

    private final Synthesized synthesized = Synthesized.DEFAULT;
    private final Template template = synthesized.template();

    @Test
    void everyRouteGoesToTheDashboardAliasThroughTheJwtAuthorizer() {
        Map<String, Map<String, Object>> routes = synthesized.resourcesOfType("AWS::ApiGatewayV2::Route");
        assertEquals(List.of("ANY /", "ANY /{proxy+}"), routes.values().stream().map(r -> (String) r.get("RouteKey"))
                .sorted().toList());
        routes.values().forEach(route -> assertEquals("JWT", route.get("AuthorizationType"), route.toString()));
        template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY",
                "IntegrationUri", Map.of("Ref", synthesized.logicalId(synthesized.stack().functions().get("dashboard").alias()))));
    }

    @Test
    void theAuthorizerAcceptsOnlyTokensOfTheDeploymentsUserPoolForTheDashboardClient() {
        DashboardApi api = synthesized.stack().dashboardApi().orElseThrow();
        template.hasResourceProperties("AWS::ApiGatewayV2::Authorizer", Map.of(
                "AuthorizerType", "JWT",
                "IdentitySource", List.of("$request.header.Authorization"),
                "JwtConfiguration", Map.of(
                        "Audience", List.of(Map.of("Ref", synthesized.logicalId(api.client()))),
                        "Issuer", Map.of("Fn::Join", List.of("", List.of("https://cognito-idp.",
                                Map.of("Ref", "AWS::Region"), ".amazonaws.com/",
                                Map.of("Ref", synthesized.logicalId(api.users()))))))));
    }

    @Test
    void onlyAnAdministratorCreatesUsersWhoSignInWithAStrongPasswordAndAOneTimeCode() {
        template.hasResourceProperties("AWS::Cognito::UserPool", Map.of(
                "AdminCreateUserConfig", Map.of("AllowAdminCreateUserOnly", true),
                "MfaConfiguration", "ON",
                "EnabledMfas", List.of("SOFTWARE_TOKEN_MFA"),
                "Policies", Map.of("PasswordPolicy", Match.objectLike(Map.of("MinimumLength", 12,
                        "RequireSymbols", true, "RequireNumbers", true)))));
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "GenerateSecret", false,
                "AllowedOAuthFlows", List.of("code"),
                "AllowedOAuthScopes", List.of("openid", "email", "profile")));
    }

    @Test
    void accessIsLogged() {
        template.hasResourceProperties("AWS::ApiGatewayV2::Stage", Map.of("StageName", "$default",
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue()))));
    }

    @Test
    void withoutTheDashboardThereIsNoApiNorUserPool() {
        Template variant = Synthesized.VARIANT.template();
        variant.resourceCountIs("AWS::ApiGatewayV2::Api", 0);
        variant.resourceCountIs("AWS::Cognito::UserPool", 0);
    }
}
