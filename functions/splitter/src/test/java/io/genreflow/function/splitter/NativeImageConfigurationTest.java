package io.genreflow.function.splitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The native profile's registrations match what the splitter's code reads at run time, checked on
 * the JVM (no GraalVM here): every serialised table the MP3 decoder ships is put in the image by
 * the resource include, and deserialises to a type registered for serialisation.
 */
class NativeImageConfigurationTest {

    private static final String DECODER_TABLES = "javazoom/jl/decoder/";
    private static final String SERIALIZATION_CONFIG =
            "META-INF/native-image/io.genreflow/genreflow-splitter/serialization-config.json";

    @Test
    void everySerialisedDecoderTableIsIncludedAndItsTypeRegistered() throws Exception {
        PathMatcher included = FileSystems.getDefault().getPathMatcher("glob:" + nativeProperty("quarkus.native.resources.includes"));
        TreeSet<String> registered = registeredTypes();
        List<String> tables = decoderTables();
        assertFalse(tables.isEmpty(), "jlayer ships serialised tables under " + DECODER_TABLES);
        for (String table : tables) {
            assertTrue(included.matches(Path.of(table)), table + " is not put in the native image");
            String type = deserialisedType(table);
            assertTrue(registered.contains(type), table + " holds a " + type + ", not registered in " + SERIALIZATION_CONFIG);
        }
    }

    @Test
    void theTablesTheDecoderLoadsAreAmongThem() throws Exception {
        List<String> tables = decoderTables();
        assertTrue(tables.contains(DECODER_TABLES + "sfd.ser"), "the synthesis filter's table: " + tables);
        assertEquals("[F", deserialisedType(DECODER_TABLES + "sfd.ser"));
    }

    private static String nativeProperty(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = resource("application.properties")) {
            properties.load(in);
        }
        String value = properties.getProperty(name);
        assertTrue(value != null && !value.isBlank(), name + " is set in application.properties");
        return value;
    }

    private static TreeSet<String> registeredTypes() throws IOException {
        TreeSet<String> types = new TreeSet<>();
        try (InputStream in = resource(SERIALIZATION_CONFIG)) {
            Matcher names = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (names.find()) {
                types.add(names.group(1));
            }
        }
        return types;
    }

    /** The .ser entries of the jar that holds jlayer's decoder. */
    private static List<String> decoderTables() throws IOException {
        URL decoder = NativeImageConfigurationTest.class.getClassLoader()
                .getResource(DECODER_TABLES + "Decoder.class");
        assertTrue(decoder != null && decoder.getProtocol().equals("jar"), "jlayer is on the class path: " + decoder);
        try (JarFile jar = ((JarURLConnection) decoder.openConnection()).getJarFile()) {
            return jar.stream().map(e -> e.getName())
                    .filter(name -> name.startsWith(DECODER_TABLES) && name.endsWith(".ser")).sorted().toList();
        }
    }

    private static String deserialisedType(String table) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(resource(table))) {
            return in.readObject().getClass().getName();
        }
    }

    private static InputStream resource(String name) {
        InputStream in = NativeImageConfigurationTest.class.getClassLoader().getResourceAsStream(name);
        assertTrue(in != null, name + " is on the class path");
        return in;
    }
}
