package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/**
 * The dashboard: a Lambda behind an HTTP API, signing users in with the deployment's Cognito user
 * pool itself (no gateway authorizer: browsers carry the token in a cookie).
 */
class DashboardTest {

    private final Synthesized synthesized = Synthesized.DEFAULT;
    private final Template template = synthesized.template();

    @Test
    void everyRouteGoesToTheDashboardAliasWhichChecksTheSignInItself() {
        Map<String, Map<String, Object>> routes = synthesized.resourcesOfType("AWS::ApiGatewayV2::Route");
        assertEquals(List.of("ANY /", "ANY /{proxy+}"), routes.values().stream().map(r -> (String) r.get("RouteKey"))
                .sorted().toList());
        routes.values().forEach(route -> assertEquals("NONE", route.getOrDefault("AuthorizationType", "NONE"),
                route.toString()));
        template.resourceCountIs("AWS::ApiGatewayV2::Authorizer", 0);
        template.hasResourceProperties("AWS::ApiGatewayV2::Integration", Map.of(
                "IntegrationType", "AWS_PROXY",
                "IntegrationUri", Map.of("Ref", synthesized.logicalId(synthesized.stack().functions().get("dashboard").alias()))));
    }

    @Test
    void theDashboardIsToldThePoolItsClientAndTheHostedPages() {
        DashboardApi api = synthesized.stack().dashboardApi().orElseThrow();
        Map<String, Object> environment = environment();
        assertEquals("true", environment.get("GENREFLOW_DASHBOARD_AUTH_ENABLED"));
        assertEquals(Map.of("Fn::Join", List.of("", List.of("https://cognito-idp.", Map.of("Ref", "AWS::Region"),
                ".amazonaws.com/", Map.of("Ref", synthesized.logicalId(api.users()))))),
                environment.get("GENREFLOW_DASHBOARD_AUTH_ISSUER"));
        assertEquals(Map.of("Ref", synthesized.logicalId(api.client())), environment.get("GENREFLOW_DASHBOARD_AUTH_CLIENT_ID"));
        assertEquals(true, String.valueOf(environment.get("GENREFLOW_DASHBOARD_AUTH_SIGN_IN_URL"))
                .contains(synthesized.logicalId(api.domain())), String.valueOf(environment));
    }

    @Test
    void cognitoReturnsToTheDashboardsCallbackAndHomePage() {
        String api = synthesized.logicalId(synthesized.stack().dashboardApi().orElseThrow().api());
        Map<String, Object> endpoint = Map.of("Fn::GetAtt", List.of(api, "ApiEndpoint"));
        template.hasResourceProperties("AWS::Cognito::UserPoolClient", Map.of(
                "CallbackURLs", List.of(Map.of("Fn::Join", List.of("", List.of(endpoint, "/auth/callback")))),
                "LogoutURLs", List.of(Map.of("Fn::Join", List.of("", List.of(endpoint, "/")))),
                "SupportedIdentityProviders", Match.anyValue()));
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

    @SuppressWarnings("unchecked")
    private Map<String, Object> environment() {
        Map<String, Object> properties = (Map<String, Object>) synthesized.resources()
                .get(synthesized.logicalId(synthesized.stack().functions().get("dashboard").function())).get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
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
