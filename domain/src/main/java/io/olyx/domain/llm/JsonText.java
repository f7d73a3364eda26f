package io.olyx.domain.llm;

import io.olyx.domain.common.JsonNumbers;
import io.olyx.domain.common.JsonValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * JSON text to plain Java values and back, so the domain can hold tool arguments and schemas without a JSON
 * library. Values are {@code Map<String,Object>} (insertion ordered), {@code List<Object>}, String, Boolean,
 * Long / BigInteger for integers, Double / BigDecimal for other numbers, and null.
 */
public final class JsonText {
    private static final int MAX_DEPTH = 200;
    /** Members in the value's own order, numbers as Java holds them (a BigDecimal in its own notation). */
    private static final Spelling AS_GIVEN = new Spelling(false, JsonText::asGiven);

    private JsonText() {
    }

    /** Parses a complete JSON document; empty when the text is not valid JSON. */
    public static Optional<Object> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            Parser parser = new Parser(text);
            Object value = parser.value(0);
            parser.skipWhitespace();
            if (!parser.atEnd()) {
                return Optional.empty();
            }
            return Optional.of(value == null ? JsonNull.INSTANCE : value);
        } catch (IllegalStateException | IndexOutOfBoundsException | NumberFormatException e) {
            // NumberFormatException: an exponent beyond int, which BigDecimal cannot even represent
            return Optional.empty();
        }
    }

    /** Parses a JSON object; empty for invalid JSON or any other top-level value. */
    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> parseObject(String text) {
        return parse(text).filter(Map.class::isInstance).map(v -> (Map<String, Object>) v);
    }

    /** Compact JSON for a JSON-shaped value; rejects anything that is not one. */
    public static String write(Object value) {
        return write(value, AS_GIVEN);
    }

    /** Compact JSON spelled as {@code spelling} says: the writer behind {@link #write} and {@link CanonicalJson}. */
    static String write(Object value, Spelling spelling) {
        StringBuilder out = new StringBuilder();
        write(value, spelling, out);
        return out.toString();
    }

    /**
     * What a writer may spell more than one way: the order of an object's members (as given, or by key) and each
     * number. The rest is spelled one way only: no whitespace, and in strings only the quote, the backslash and the
     * control characters escaped (by JSON's two-character escapes where it has one, else in six with upper-case hex).
     */
    record Spelling(boolean membersByKey, Function<Object, String> number) {
    }

    static boolean isNumber(Object value) {
        return JsonValues.isNumber(value);
    }

    /** The JSON literal {@code null} as a whole document (Optional cannot hold null; inside containers it is null). */
    public enum JsonNull { INSTANCE }

    private static void write(Object value, Spelling spelling, StringBuilder out) {
        if (value == null || value == JsonNull.INSTANCE) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (isNumber(value)) {
            out.append(spelling.number().apply(value));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : spelling.membersByKey() ? byKey(map) : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("JSON object keys must be strings");
                }
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(key, out);
                out.append(':');
                write(entry.getValue(), spelling, out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), spelling, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static List<Map.Entry<?, ?>> byKey(Map<?, ?> object) {
        List<Map.Entry<?, ?>> members = new ArrayList<>(object.entrySet());
        members.sort(Comparator.comparing(member -> String.valueOf(member.getKey())));
        return members;
    }

    private static String asGiven(Object number) {
        return switch (number) {
            case Double d -> floating(d);
            case Float f -> floating(f.doubleValue());
            default -> number.toString();
        };
    }

    private static String floating(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("JSON has no representation for " + d);
        }
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d + ".0" : Double.toString(d);
    }

    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos == text.length();
        }

        void skipWhitespace() {
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                    return;
                }
                pos++;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) {
                throw new IllegalStateException("nesting too deep");
            }
            skipWhitespace();
            char c = text.charAt(pos);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth) {
            pos++;
            Map<String, Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (text.charAt(pos) == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWhitespace();
                if (text.charAt(pos) != '"') {
                    throw new IllegalStateException("expected a key");
                }
                String key = string();
                skipWhitespace();
                expect(':');
                map.put(key, value(depth + 1));
                skipWhitespace();
                char c = text.charAt(pos++);
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw new IllegalStateException("expected , or }");
                }
            }
        }

        private List<Object> array(int depth) {
            pos++;
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (text.charAt(pos) == ']') {
                pos++;
                return list;
            }
            while (true) {
                list.add(value(depth + 1));
                skipWhitespace();
                char c = text.charAt(pos++);
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw new IllegalStateException("expected , or ]");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                char c = text.charAt(pos++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c < 0x20) {
                    throw new IllegalStateException("control character in string");
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case '"' -> sb.append('"');
                    case '\\' -> sb.append('\\');
                    case '/' -> sb.append('/');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        String hex = text.substring(pos, pos + 4);
                        try {
                            sb.append((char) Integer.parseInt(hex, 16));
                        } catch (NumberFormatException ex) {
                            throw new IllegalStateException("bad unicode escape");
                        }
                        pos += 4;
                    }
                    default -> throw new IllegalStateException("bad escape");
                }
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, pos)) {
                throw new IllegalStateException("unexpected token");
            }
            pos += word.length();
            return value;
        }

        private Object number() {
            int start = pos;
            if (peek('-')) {
                pos++;
            }
            int intStart = pos;
            digits();
            if (pos == intStart || (text.charAt(intStart) == '0' && pos - intStart > 1)) {
                throw new IllegalStateException("bad number");
            }
            boolean integral = true;
            if (peek('.')) {
                integral = false;
                pos++;
                requireDigits();
            }
            if (peek('e') || peek('E')) {
                integral = false;
                pos++;
                if (peek('+') || peek('-')) {
                    pos++;
                }
                requireDigits();
            }
            String literal = text.substring(start, pos);
            if (integral) {
                BigInteger big = new BigInteger(literal);
                if (big.bitLength() < 64) {
                    return big.longValue();
                }
                requireInRange(new BigDecimal(big));
                return big;
            }
            double d = Double.parseDouble(literal);
            if (Double.isFinite(d)) {
                return d;
            }
            BigDecimal exact = new BigDecimal(literal);
            requireInRange(exact);
            return exact;
        }

        /** A number beyond what Olyx accepts anywhere (see JsonNumbers) makes the document invalid. */
        private static void requireInRange(BigDecimal number) {
            if (!JsonNumbers.inRange(number)) {
                throw new IllegalStateException("number out of range");
            }
        }

        private void requireDigits() {
            int before = pos;
            digits();
            if (pos == before) {
                throw new IllegalStateException("bad number");
            }
        }

        private void digits() {
            while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
                pos++;
            }
        }

        private boolean peek(char c) {
            return pos < text.length() && text.charAt(pos) == c;
        }

        private void expect(char c) {
            if (text.charAt(pos) != c) {
                throw new IllegalStateException("expected " + c);
            }
            pos++;
        }
    }
}
