package io.genreflow.infra.aws;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;
import software.constructs.IConstruct;

/**
 * Stacks synthesised once per test JVM and shared by the tests (synthesis takes seconds): the
 * default deployment, and a variant with the native splitter and containerised classifiers.
 * Their packages are the real build outputs the pom points at.
 */
final class Synthesized {

    /** The default: every classifier on Lambda, the dashboard on, the JVM splitter. */
    static final Synthesized DEFAULT = new Synthesized(Map.of());
    /**
     * The native splitter, logmel on GPU instances, chroma on Fargate, no dashboard, alarms to a
     * topic, working data kept three days.
     */
    static final Synthesized VARIANT = new Synthesized(Map.of("splitterNative", "true",
            "classifierRuntime.logmel", "gpu", "classifierRuntime.chroma", "fargate", "dashboard", "false",
            "dashboardOrigins", "http://localhost:8080", "queuePrefix", "gf-",
            "alarmTopicArn", "arn:aws:sns:eu-west-1:123456789012:genreflow-alarms", "workingDataDays", "3"));

    private final Map<String, String> context;
    private GenreflowStack stack;
    private Template template;
    private Annotations annotations;

    private Synthesized(Map<String, String> context) {
        this.context = context;
    }

    /** The context the tests synthesise with: the assets from the build, plus {@code extra}. */
    static Map<String, Object> context(Map<String, String> extra) {
        Map<String, Object> context = new HashMap<>();
        for (String asset : List.of("splitter", "classifier", "aggregator", "dashboard", "models", "worker")) {
            context.put("asset." + asset, System.getProperty("genreflow.asset." + asset));
        }
        context.putAll(extra);
        return context;
    }

    synchronized GenreflowStack stack() {
        if (stack == null) {
            App app = new App(AppProps.builder().context(context(context)).build());
            stack = GenreflowApp.stack(app);
            template = Template.fromStack(stack);
            annotations = Annotations.fromStack(stack);
        }
        return stack;
    }

    Template template() {
        stack();
        return template;
    }

    Annotations annotations() {
        stack();
        return annotations;
    }

    /** The template as plain maps and lists. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources() {
        return (Map<String, Map<String, Object>>) template().toJSON().get("Resources");
    }

    /** The resources of {@code type} by logical id. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resourcesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.get("Type"))) {
                found.put(id, (Map<String, Object>) resource.get("Properties"));
            }
        });
        return found;
    }

    /** The logical id of {@code construct}'s CloudFormation resource. */
    String logicalId(IConstruct construct) {
        return stack().resolve(((CfnElement) construct.getNode().getDefaultChild())
                .getLogicalId()).toString();
    }
}
