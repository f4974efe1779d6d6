package io.genreflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lambda SQS events saved as JSON test resources. A saved event may hold {@code ${name}}
 * placeholders for what only the test knows (an upload's ETag, a track id); every one must be given.
 */
public final class SqsEvents {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");

    private SqsEvents() {
    }

    /** The event at classpath {@code resource} with its placeholders filled from {@code values}. */
    public static String load(String resource, Map<String, String> values) {
        String template;
        try (InputStream in = SqsEvents.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder event = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException(resource + " needs a value for ${" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(event, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(event).toString();
    }
}
