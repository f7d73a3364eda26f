package io.olyx.domain.grading;

import io.olyx.domain.common.JsonValues;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stable text form of a JSON value (object keys sorted, numbers by value so 1 and 1.0 agree), used to recognise
 * two tool calls with the same arguments however the model ordered or formatted them.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    static String of(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            out.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Boolean b) {
            out.append(b);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
            sorted.forEach((k, v) -> {
                write(k, out);
                out.append(':');
                write(v, out);
                out.append(',');
            });
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                write(item, out);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(JsonValues.decimal(value).map(d -> d.stripTrailingZeros().toPlainString())
                    .orElse(String.valueOf(value)));
        }
    }
}
