package io.olyx.adapter.persistence;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.olyx.domain.common.JsonValues;
import java.io.UncheckedIOException;
import java.util.Map;

/** JSON text columns: free-form documents as plain Java trees, and stored records such as summaries. */
final class JsonCodec {
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    // A shared buffer pool: the thread-local default allocates afresh on every virtual thread.
    private final ObjectMapper mapper = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .registerModule(new Jdk8Module())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    String writeNullable(Object value) {
        return value == null ? null : write(value);
    }

    Map<String, Object> readObject(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JsonValues.freezeObject(mapper.readValue(json, OBJECT));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object readValue(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JsonValues.freeze(mapper.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
