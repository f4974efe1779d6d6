package io.genreflow.infra.aws;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: {@code cdk synth} / {@code cdk deploy} (or {@code cdklocal} for LocalStack) run it
 * through cdk.json. Context keys choose the deployment (infra/aws/README.md); cdk-nag's
 * AwsSolutions checks run on every synthesis, so a finding fails it.
 */
public final class GenreflowApp {

    private GenreflowApp() {
    }

    /** The stack for the context of {@code app}, with the AwsSolutions checks attached. */
    public static GenreflowStack stack(App app) {
        DeploymentParameters parameters = DeploymentParameters.fromContext(app.getNode()::tryGetContext);
        DeploymentAssets assets = DeploymentAssets.fromContext(app.getNode()::tryGetContext);
        String account = System.getenv("CDK_DEFAULT_ACCOUNT");
        String region = System.getenv("CDK_DEFAULT_REGION");
        StackProps.Builder props = StackProps.builder().description("genreflow: serverless music-genre classifier");
        if (account != null && region != null) {
            props.env(Environment.builder().account(account).region(region).build());
        }
        String stackName = new ContextValues(app.getNode()::tryGetContext).string("stackName", "Genreflow");
        GenreflowStack stack = new GenreflowStack(app, stackName, props.build(), parameters, assets);
        Aspects.of(app).add(AwsSolutionsChecks.Builder.create().verbose(true).build());
        return stack;
    }

    public static void main(String[] args) {
        App app = new App();
        stack(app);
        app.synth();
    }
}
