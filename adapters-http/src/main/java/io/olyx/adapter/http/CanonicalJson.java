package io.olyx.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;

/**
 * One spelling for each JSON value a client may send, so that an Idempotency-Key retry is compared by what it means
 * rather than by its bytes: no insignificant whitespace, object members in key order, numbers as the exact decimals
 * they were read as ({@code 1e3} is {@code 1000}; {@code 1.0} stays {@code 1.0}, since not every field takes it for
 * {@code 1}). Strings with different escapes of the same characters are the same once parsed.
 */
final class CanonicalJson {
    private static final ObjectWriter WRITER = JsonMapperFactory.create().writer()
            .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private CanonicalJson() {
    }

    /** {@code parsed}: a value as {@link JsonBody} reads it (maps, lists, exact numbers, strings, booleans, null). */
    static byte[] of(Object parsed) {
        try {
            return WRITER.writeValueAsString(parsed).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
