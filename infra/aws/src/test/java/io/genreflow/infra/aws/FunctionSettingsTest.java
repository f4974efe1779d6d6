package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.function.aggregator.AggregatorConfig;
import io.genreflow.function.classifier.ClassifierConfig;
import io.genreflow.function.splitter.SplitterConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The deployed environments against the functions' own config mappings (SplitterConfig,
 * ClassifierConfig, AggregatorConfig, read by reflection): every required setting is set, every
 * variable set is a setting the function reads, and the queue prefix is the one the queues carry.
 */
class FunctionSettingsTest {

    @Test
    void noFunctionLacksARequiredSettingOrCarriesOneItDoesNotRead() {
        Map<String, Class<?>> mappings = Map.of(
                "splitter", SplitterConfig.class,
                "classifier-logmel", ClassifierConfig.class,
                "classifier-waveform", ClassifierConfig.class,
                "aggregator", AggregatorConfig.class);
        for (Synthesized deployment : List.of(Synthesized.DEFAULT, Synthesized.VARIANT)) {
            mappings.forEach((function, mapping) -> {
                if (!deployment.stack().functions().containsKey(function)) {
                    return;
                }
                Map<String, Boolean> settings = new TreeMap<>();
                walk(mapping, mapping.getAnnotation(ConfigMapping.class).prefix(), settings);
                Map<String, Object> environment = environment(deployment, function);
                settings.forEach((variable, required) -> {
                    if (required) {
                        assertTrue(environment.containsKey(variable), function + " lacks required " + variable);
                    }
                });
                TreeSet<String> unknown = new TreeSet<>(environment.keySet());
                unknown.removeIf(variable -> settings.containsKey(variable) || !variable.startsWith("GENREFLOW_"));
                assertEquals(new TreeSet<>(), unknown, function + " sets variables its config does not read");
            });
        }
    }

    @Test
    void theWorkerContainersGetTheClassifiersSettingsWithTheirProvider() {
        Map<String, Boolean> settings = new TreeMap<>();
        Class<?> classifier = ClassifierConfig.class;
        walk(classifier, classifier.getAnnotation(ConfigMapping.class).prefix(), settings);
        Synthesized variant = Synthesized.VARIANT;
        Map<String, String> providers = new TreeMap<>();
        variant.stack().workers().forEach((representation, task) -> {
            Map<String, Object> environment = containerEnvironment(variant, variant.logicalId(task));
            settings.forEach((variable, required) -> assertTrue(!required || environment.containsKey(variable),
                    representation + " worker lacks " + variable));
            assertEquals(settings.keySet(), new TreeSet<>(environment.keySet().stream()
                    .filter(variable -> variable.startsWith("GENREFLOW_")).toList()), "every classifier setting, no other");
            providers.put(representation.id(), String.valueOf(environment.get("GENREFLOW_CLASSIFIER_ONNX_PROVIDER")));
        });
        assertEquals(Map.of("logmel", "cuda", "chroma", "cpu"), providers);
    }

    @Test
    void theMappingsAreReadWithTheirAnnotations() {
        Map<String, Boolean> settings = new TreeMap<>();
        Class<?> classifier = ClassifierConfig.class;
        walk(classifier, classifier.getAnnotation(ConfigMapping.class).prefix(), settings);
        assertEquals(true, settings.get("GENREFLOW_BUCKET"));
        assertEquals(true, settings.get("GENREFLOW_CLASSIFIER_REPRESENTATION"));
        assertEquals(false, settings.get("GENREFLOW_CLASSIFIER_ONNX_PROVIDER"), "has @WithDefault");
        assertEquals(false, settings.get("GENREFLOW_QUEUES_PREFIX"), "is Optional");
    }

    @Test
    void theQueuePrefixEveryFunctionIsToldIsTheDeployedQueues() {
        for (Synthesized deployment : List.of(Synthesized.DEFAULT, Synthesized.VARIANT)) {
            String prefix = deployment == Synthesized.DEFAULT ? "genreflow-" : "gf-";
            assertNotNull(deployment.stack().queues().get(prefix + "uploads"));
            deployment.stack().functions().keySet().forEach(function ->
                    assertEquals(prefix, environment(deployment, function).get("GENREFLOW_QUEUES_PREFIX"), function));
        }
    }

    @Test
    void aRequiredSettingWithoutAValueStopsTheSynthesis() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FunctionEnvironment.of(FunctionEnvironment.CLASSIFIER, Map.of("genreflow.bucket", "b")));
        assertTrue(error.getMessage().contains("GENREFLOW_CLASSIFIER_REPRESENTATION"), error.getMessage());
    }

    /** Every leaf of a config mapping: its environment variable, and whether the function needs it set. */
    private static void walk(Class<?> mapping, String prefix, Map<String, Boolean> settings) {
        for (Method method : mapping.getDeclaredMethods()) {
            String name = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.isMemberClass()) {
                walk(type, name, settings);
                continue;
            }
            boolean required = type != Optional.class && !method.isAnnotationPresent(WithDefault.class);
            settings.put(name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT), required);
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Synthesized deployment, String function) {
        Map<String, Object> properties = (Map<String, Object>) deployment.resources()
                .get(deployment.logicalId(deployment.stack().functions().get(function).function())).get("Properties");
        return (Map<String, Object>) ((Map<String, Object>) properties.get("Environment")).get("Variables");
    }

    /** The worker container's environment in a task definition. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> containerEnvironment(Synthesized deployment, String taskDefinition) {
        Map<String, Object> properties = deployment.resourcesOfType("AWS::ECS::TaskDefinition").get(taskDefinition);
        Map<String, Object> container = ((List<Map<String, Object>>) properties.get("ContainerDefinitions")).get(0);
        Map<String, Object> environment = new TreeMap<>();
        ((List<Map<String, Object>>) container.get("Environment"))
                .forEach(variable -> environment.put((String) variable.get("Name"), variable.get("Value")));
        return environment;
    }
}
