package io.genreflow.infra.aws;

import java.util.Locale;

/**
 * One setting a function reads, as the deployment sees it.
 *
 * @param name         the Quarkus config name, e.g. {@code genreflow.bucket}
 * @param defaultValue what the function uses when the setting is absent; null when it is required
 * @param description  what the setting means
 */
public record FunctionSetting(String name, String defaultValue, String description) {

    /** A setting the function cannot start without. */
    static FunctionSetting required(String name, String description) {
        return new FunctionSetting(name, null, description);
    }

    /** A setting with the function's own default. */
    static FunctionSetting optional(String name, Object defaultValue, String description) {
        return new FunctionSetting(name, String.valueOf(defaultValue), description);
    }

    /** The environment variable Quarkus reads it from: {@code genreflow.queues.prefix} → {@code GENREFLOW_QUEUES_PREFIX}. */
    public String environmentVariable() {
        return name.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
