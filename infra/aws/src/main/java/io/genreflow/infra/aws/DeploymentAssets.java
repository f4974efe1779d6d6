package io.genreflow.infra.aws;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The build outputs the stack deploys. Each defaults to where the Maven build leaves it, relative to
 * {@code repoRoot} (context; {@code ../..} from infra/aws, where the CDK CLI runs), and each can be
 * pointed elsewhere with its own context key ({@code asset.splitter}, ...).
 *
 * @param splitter   the splitter's Lambda package (JVM or native: the same target/function.zip)
 * @param classifier the classifier's Lambda package, deployed once per representation
 * @param aggregator the aggregator's Lambda package
 * @param dashboard  the dashboard's Lambda package (quarkus-amazon-lambda-http)
 * @param models     a folder holding {@code models/manifest.json} and the ONNX files: the models layer
 * @param worker     the queue worker's Docker build context (only read when a classifier runs in a container)
 */
public record DeploymentAssets(Path splitter, Path classifier, Path aggregator, Path dashboard, Path models,
                               Path worker) {

    /** The assets the context names, defaulted to the Maven build's outputs. */
    public static DeploymentAssets fromContext(Function<String, Object> context) {
        ContextValues values = new ContextValues(context);
        Path root = Path.of(values.string("repoRoot", "../.."));
        return new DeploymentAssets(
                path(values, root, "asset.splitter", "functions/splitter/target/function.zip"),
                path(values, root, "asset.classifier", "functions/classifier/target/function.zip"),
                path(values, root, "asset.aggregator", "functions/aggregator/target/function.zip"),
                path(values, root, "asset.dashboard", "dashboard/lambda/target/function.zip"),
                path(values, root, "asset.models", "infra/aws/target/models-layer"),
                path(values, root, "asset.worker", "functions/classifier-worker/target/worker-image"));
    }

    /**
     * {@code asset}, which must exist.
     *
     * @throws IllegalStateException naming the asset and the build that makes it
     */
    static String require(Path asset, String builtBy) {
        if (!Files.exists(asset)) {
            throw new IllegalStateException(asset.toAbsolutePath().normalize() + " does not exist; build it first ("
                    + builtBy + ") or point the context at it");
        }
        return asset.toString();
    }

    private static Path path(ContextValues values, Path root, String key, String fallback) {
        String value = values.string(key, null);
        return value != null ? Path.of(value) : root.resolve(fallback);
    }
}
