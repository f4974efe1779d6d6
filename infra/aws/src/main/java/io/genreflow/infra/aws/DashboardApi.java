package io.genreflow.infra.aws;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.CfnStage;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The dashboard's front door: an HTTP API (API Gateway v2) whose every route goes to the dashboard
 * function, and the deployment's Cognito user pool the dashboard signs users in with. The function
 * verifies the pool's tokens itself (a browser's page navigation carries them in a cookie, which
 * API Gateway's JWT authorizer cannot read). Users are created by an administrator (no self
 * sign-up), sign in on Cognito's hosted pages with a strong password and a one-time code.
 */
public final class DashboardApi extends Construct {

    private final HttpApi api;
    private final UserPool users;
    private final UserPoolClient client;
    private final UserPoolDomain domain;

    /** Where Cognito sends the browser back with the code, on the API's URL. */
    public static final String CALLBACK_PATH = "/auth/callback";

    /**
     * The API and the user pool; the routes come with {@link #routeTo}, once the function exists
     * (its environment names the pool).
     *
     * @param apiName          the API's name
     * @param authDomainPrefix the hosted sign-in pages' domain prefix
     */
    public DashboardApi(Construct scope, String id, String apiName, String authDomainPrefix) {
        super(scope, id);
        this.api = HttpApi.Builder.create(this, "Api")
                .apiName(apiName)
                .description("genreflow dashboard")
                .build();
        this.users = UserPool.Builder.create(this, "Users")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).build())
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireDigits(true).requireLowercase(true)
                        .requireUppercase(true).requireSymbols(true).tempPasswordValidity(Duration.days(3)).build())
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.ESSENTIALS)
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        Nag.accept(users, "AwsSolutions-COG3", "Threat protection needs Cognito's Plus plan, priced per active "
                + "user; users are created by an administrator only and must sign in with a one-time code (MFA required)");
        String home = api.getApiEndpoint() + "/";
        this.client = users.addClient("Dashboard", UserPoolClientOptions.builder()
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                        .callbackUrls(List.of(api.getApiEndpoint() + CALLBACK_PATH))
                        .logoutUrls(List.of(home))
                        .build())
                .preventUserExistenceErrors(true)
                .build());
        this.domain = users.addDomain("SignIn", UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(authDomainPrefix).build())
                .build());

        LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs")
                .retention(RetentionDays.ONE_MONTH)
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        CfnStage stage = (CfnStage) api.getDefaultStage().getNode().getDefaultChild();
        stage.setAccessLogSettings(CfnStage.AccessLogSettingsProperty.builder()
                .destinationArn(accessLogs.getLogGroupArn())
                .format("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                        + "\"time\":\"$context.requestTime\",\"method\":\"$context.httpMethod\","
                        + "\"path\":\"$context.path\",\"status\":\"$context.status\","
                        + "\"error\":\"$context.error.message\"}")
                .build());
    }

    /** Sends every request to {@code dashboard}'s alias. */
    public void routeTo(PipelineFunction dashboard) {
        api.addRoutes(AddRoutesOptions.builder()
                .path("/{proxy+}")
                .integration(new HttpLambdaIntegration("Dashboard", dashboard.alias()))
                .build());
        api.addRoutes(AddRoutesOptions.builder()
                .path("/")
                .integration(new HttpLambdaIntegration("DashboardRoot", dashboard.alias()))
                .build());
        Nag.accept(api, "AwsSolutions-APIG4", "The dashboard function authenticates every request but health and "
                + "its sign-in endpoints itself: Cognito ID tokens of this user pool from its session cookie or a "
                + "Bearer header (signature, issuer, audience, expiry); a gateway authorizer cannot read the cookie "
                + "a browser's page navigation carries");
    }

    /** The user pool's issuer URL, as its tokens name it. */
    public String issuer() {
        return "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + users.getUserPoolId();
    }

    /** The API. */
    public HttpApi api() {
        return api;
    }

    /** The dashboard's origin, as a browser sends it: the API's endpoint. */
    public String origin() {
        return api.getApiEndpoint();
    }

    /** The user pool. */
    public UserPool users() {
        return users;
    }

    /** The dashboard's app client. */
    public UserPoolClient client() {
        return client;
    }

    /** The hosted sign-in pages' domain. */
    public UserPoolDomain domain() {
        return domain;
    }
}
