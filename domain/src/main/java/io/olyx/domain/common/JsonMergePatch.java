package io.olyx.domain.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 7396 JSON Merge Patch over {@link JsonValues} trees: objects merge key by key, a null member removes the key,
 * anything else replaces. This is how PATCH merges project settings and model additional_config, so keys a client
 * does not mention are preserved.
 */
public final class JsonMergePatch {
    private JsonMergePatch() {
    }

    public static Map<String, Object> apply(Map<String, Object> target, Map<String, Object> patch) {
        Map<String, Object> result = new LinkedHashMap<>(target);
        for (Map.Entry<String, Object> member : patch.entrySet()) {
            Object value = member.getValue();
            if (value == null) {
                result.remove(member.getKey());
            } else if (value instanceof Map<?, ?> patchObject) {
                Map<String, Object> base = JsonValues.object(result, member.getKey()).orElse(Map.of());
                result.put(member.getKey(), apply(base, JsonValues.freezeObject(patchObject)));
            } else {
                result.put(member.getKey(), value);
            }
        }
        return JsonValues.freezeObject(result);
    }
}
