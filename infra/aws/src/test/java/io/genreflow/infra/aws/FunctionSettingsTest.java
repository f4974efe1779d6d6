package io.genreflow.infra.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.genreflow.aggregator.AggregatorSettings;
import io.genreflow.classifier.ClassifierSettings;
import io.genreflow.dashboard.DashboardSettings;
import io.genreflow.settings.Setting;
import io.genreflow.splitter.SplitterSettings;
import io.genreflow.worker.WorkerSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The synthesised environments against each function's own settings definition
 * ({@code SplitterSettings.DEFINITIONS} and the others, the dashboard's
 * {@code DashboardSettings.DEFINITIONS}): every required setting is set, every genreflow variable
 * set is a setting the function defines, and the queue prefix is the one the queues carry.
 */
class FunctionSettingsTest {

    @Test
    void noFunctionLacksARequiredSettingOrCarriesOneItDoesNotDefine() {
        int checked = 0;
        for (Synthesized deployment : List.of(Synthesized.DEFAULT, Synthesized.VARIANT)) {
            for (String function : deployment.stack().functions().keySet()) {
                assertMatches(function, definitions(function), environment(deployment, function));
                checked++;
            }
        }
        assertTrue(checked >= 7, "the functions of both deployments, the dashboard among them, were checked: " + checked);
        assertTrue(Synthesized.DEFAULT.stack().functions().containsKey("dashboard"), "the default deploys the dashboard");
    }

    @Test
    void theWorkerContainersGetTheWorkersSettingsWithTheirProvider() {
        Synthesized variant = Synthesized.VARIANT;
        Map<String, String> providers = new TreeMap<>();
        variant.stack().workers().forEach((representation, task) -> {
            Map<String, Object> environment = containerEnvironment(variant, variant.logicalId(task));
            assertMatches(representation.id() + " worker", WorkerSettings.DEFINITIONS, environment);
            assertEquals(String.valueOf(WorkQueue.MAX_RECEIVE_COUNT),
                    environment.get(WorkerSettings.MAX_RECEIVE_COUNT.environmentVariable()),
                    "the worker counts deliveries as its queue does");
            providers.put(representation.id(),
                    String.valueOf(environment.get(ClassifierSettings.PROVIDER.environmentVariable())));
        });
        assertEquals(Map.of("logmel", "cuda", "chroma", "cpu"), providers);
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

    @Test
    void aValueForASettingTheFunctionDoesNotDefineStopsTheSynthesis() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FunctionEnvironment.of(FunctionEnvironment.AGGREGATOR, Map.of("genreflow.bucket", "b",
                        ClassifierSettings.REPRESENTATION.name(), "logmel")));
        assertTrue(error.getMessage().contains(ClassifierSettings.REPRESENTATION.name()), error.getMessage());
    }

    /** The settings definition of a deployed function, by the name the stack gives it. */
    private static List<Setting> definitions(String function) {
        if (function.startsWith("classifier-")) {
            return ClassifierSettings.DEFINITIONS;
        }
        return switch (function) {
            case "splitter" -> SplitterSettings.DEFINITIONS;
            case "aggregator" -> AggregatorSettings.DEFINITIONS;
            case "dashboard" -> DashboardSettings.DEFINITIONS;
            default -> throw new AssertionError("no settings definition is known for " + function);
        };
    }

    /** Every required setting of {@code definitions} is set, and no genreflow variable beyond them. */
    private static void assertMatches(String what, List<Setting> definitions, Map<String, Object> environment) {
        for (Setting setting : definitions) {
            if (setting.isRequired()) {
                assertTrue(environment.containsKey(setting.environmentVariable()), what + " lacks required " + setting);
            }
        }
        Set<String> defined = definitions.stream().map(Setting::environmentVariable).collect(Collectors.toSet());
        TreeSet<String> unknown = new TreeSet<>(environment.keySet());
        unknown.removeIf(variable -> defined.contains(variable) || !variable.startsWith("GENREFLOW_"));
        assertEquals(new TreeSet<>(), unknown, what + " sets variables that are none of its settings");
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
