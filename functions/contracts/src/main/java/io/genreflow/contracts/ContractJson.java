package io.genreflow.contracts;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.genreflow.json.Json;

import java.io.IOException;

/** Reads and writes contract records with the shared mapper, turning parse failures into typed errors. */
public final class ContractJson {

    private ContractJson() {
    }

    /**
     * Parses a message body or stored document.
     *
     * @throws MalformedContractException when the text is not valid JSON for {@code type} or breaks its rules
     */
    public static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new MalformedContractException("empty " + type.getSimpleName() + " message", null);
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (JacksonException e) {
            throw malformed(type, e);
        }
    }

    /** Same as {@link #read(String, Class)} for bytes read from S3. */
    public static <T> T read(byte[] json, Class<T> type) {
        if (json == null || json.length == 0) {
            throw new MalformedContractException("empty " + type.getSimpleName() + " document", null);
        }
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw malformed(type, e);
        }
    }

    /** Serialises a contract record as compact UTF-8 JSON. */
    public static byte[] write(Object contract) {
        try {
            return Json.mapper().writeValueAsBytes(contract);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + contract.getClass().getSimpleName(), e);
        }
    }

    private static MalformedContractException malformed(Class<?> type, IOException e) {
        // A record constructor's rule violation arrives wrapped; its own message is the useful one.
        String reason = e.getCause() instanceof IllegalArgumentException rule ? rule.getMessage()
                : e instanceof JacksonException jackson ? jackson.getOriginalMessage() : e.getMessage();
        String where = e instanceof JacksonException jackson && jackson.getLocation() != null
                ? " (line " + jackson.getLocation().getLineNr() + ", column " + jackson.getLocation().getColumnNr() + ")"
                : "";
        return new MalformedContractException("not a valid " + type.getSimpleName() + ": " + reason + where, e);
    }
}
