package io.olyx.adapter.providers.support;

import io.olyx.domain.common.JsonValues;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.domain.llm.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Jackson tree helpers shared by the mappers. Trees (not bound classes) keep the adapters independent of how the
 * application's ObjectMapper is configured (naming strategies, inclusion rules) and tolerant of new fields.
 */
public final class Jsons {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private final ObjectMapper mapper;

    public Jsons(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    /** A JSON object node as a plain frozen map; non-objects give an empty map. */
    public Map<String, Object> map(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Map.of();
        }
        return JsonValues.freezeObject(mapper.convertValue(node, MAP));
    }

    public JsonNode parse(String text) throws JsonProcessingException {
        return mapper.readTree(text);
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    /**
     * A token count as the provider reported it. A count no call can have (negative, or beyond 32 bits) is a
     * provider's bug rather than usage, and reads as not reported, so the tokens are counted instead.
     */
    public static OptionalInt count(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() && value.canConvertToInt() && value.asInt() >= 0 ? OptionalInt.of(value.asInt())
                : OptionalInt.empty();
    }

    /** A reported count plus parts reported apart from it; not reported when the sum is beyond 32 bits. */
    public static OptionalInt sum(OptionalInt count, int... parts) {
        if (count.isEmpty()) {
            return count;
        }
        long total = count.getAsInt();
        for (int part : parts) {
            total += part;
        }
        return total <= Integer.MAX_VALUE ? OptionalInt.of((int) total) : OptionalInt.empty();
    }
}
