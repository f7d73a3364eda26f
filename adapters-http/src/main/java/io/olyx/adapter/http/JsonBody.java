package io.olyx.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.olyx.domain.common.JsonNumbers;
import io.olyx.domain.common.JsonStrings;
import io.olyx.domain.common.JsonValues;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request's JSON object with typed, validating accessors. Reading fields one by one (instead of binding to a class)
 * lets every wrong type say exactly which field is wrong, tolerates unknown fields, and tells "absent" from "null".
 */
public final class JsonBody {
    private final Map<String, Object> fields;
    private final String path;

    private JsonBody(Map<String, Object> fields, String path) {
        this.fields = fields;
        this.path = path;
    }

    private static final ObjectMapper MAPPER = JsonMapperFactory.create();
    private static final Instant FIRST_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LAST_INSTANT = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** Jackson's own limit on the digits of one number, kept: reading a longer one costs time that grows faster. */
    static final int MAX_NUMBER_DIGITS = MAPPER.getFactory().streamReadConstraints().getMaxNumberLength();

    /** The request's body as a JSON object; an empty body reads as {}. */
    public static JsonBody of(Context ctx) {
        byte[] body = RequestBody.bytes(ctx);
        Charset charset = RequestBody.charset(ctx);
        return charset.equals(StandardCharsets.UTF_8) ? parse(body) : parse(new String(body, charset));
    }

    /** JSON text of a value read from a body (e.g. a tool result given as an object). */
    public static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonBody parse(String body) {
        return body == null || body.isBlank() ? new JsonBody(Map.of(), "")
                : object(read(() -> MAPPER.readValue(body, Object.class), factory -> factory.createParser(body),
                        "Request body", true));
    }

    /** A UTF-8 body, parsed from its bytes without first decoding them into a string. */
    static JsonBody parse(byte[] body) {
        return isBlank(body) ? new JsonBody(Map.of(), "") : object(read(() -> MAPPER.readValue(body, Object.class),
                factory -> factory.createParser(body), "Request body", true));
    }

    private static JsonBody object(Object parsed) {
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ApiError.invalid("Request body must be a JSON object");
        }
        return new JsonBody(JsonValues.freezeObject(map), "");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /**
     * One JSON document a client sent, as plain Java values: the one place the edge parses client JSON, so every
     * body and every line of an upload obeys the same rules. Broken JSON (trailing tokens included) is a 400; a
     * number out of {@link JsonNumbers}' range, or of more than 1,000 digits, is a 422 naming where it sits.
     * {@code source} names the line in the message ("Line 3"): this reads one line of an upload, so a syntax error
     * says only its column.
     */
    public static Object read(String line, String source) {
        return read(() -> MAPPER.readValue(line, Object.class), factory -> factory.createParser(line), source, false);
    }

    /** {@code lines}: whether the text may span lines, so that a syntax error says its line as well as its column. */
    private static Object read(Parse parse, Tokens tokens, String source, boolean lines) {
        Object parsed;
        try {
            parsed = parse.parse();
        } catch (StreamConstraintsException limit) {
            // Jackson refuses a number of more digits than it reads, naming only a line and column; the tokens are
            // read again to name its place, as for every number out of range
            throw NumberPlaces.firstLongerThan(tokens, MAX_NUMBER_DIGITS)
                    .map(path -> ApiError.invalid(at(source, path) + ": a number is written with more than "
                            + MAX_NUMBER_DIGITS + " digits"))
                    .orElseGet(() -> notJson(source, limit, lines));
        } catch (JsonProcessingException e) {
            throw notJson(source, e, lines);
        } catch (NumberFormatException beyondBigDecimal) {
            // an exponent past ±2^31, which BigDecimal cannot hold; Jackson lets its exception through, without
            // saying where, so the tokens are read again to find it (a rare error, so the second read is cheap)
            throw numberOutOfRange(at(source, NumberPlaces.firstUnrepresentable(tokens).orElse("")));
        } catch (IOException e) {
            // only JSON errors can come from text already in memory; IOException is in Jackson's signature
            throw new UncheckedIOException(e);
        }
        JsonNumbers.firstOutOfRange(parsed, "").ifPresent(path -> {
            throw numberOutOfRange(at(source, path));
        });
        JsonStrings.firstUnpairedSurrogate(parsed, "").ifPresent(path -> {
            throw ApiError.invalid(at(source, path) + ": text holds half of a UTF-16 surrogate pair without "
                    + "the other half (an escape such as \\ud800 on its own), which cannot be stored as UTF-8");
        });
        return parsed;
    }

    private static ApiError notJson(String source, JsonProcessingException e, boolean lines) {
        return ApiError.badRequest("invalid_json", source + " is not valid JSON: "
                + JsonSyntax.describe(e, MAPPER.getFactory().streamReadConstraints(), lines));
    }

    @FunctionalInterface
    private interface Parse {
        Object parse() throws IOException;
    }

    /** The same text again, as a stream of tokens from the given factory. */
    @FunctionalInterface
    interface Tokens {
        JsonParser open(JsonFactory factory) throws IOException;
    }

    /** "Line 3 at metadata.x", or just "Line 3" when the line's value itself is meant. */
    private static String at(String source, String path) {
        return path.isEmpty() ? source : source + " at " + path;
    }

    private static ApiError numberOutOfRange(String where) {
        return ApiError.invalid(where + ": a number is out of range; numbers must have an exponent between -"
                + JsonNumbers.MAX_EXPONENT + " and " + JsonNumbers.MAX_EXPONENT);
    }

    public Map<String, Object> raw() {
        return fields;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The object under {@code field} if present (e.g. {"project": {...}}), else this body itself. */
    public JsonBody unwrap(String field) {
        return object(field).map(o -> new JsonBody(o, name(field) + ".")).orElse(this);
    }

    public JsonBody child(String field) {
        return new JsonBody(object(field).orElse(Map.of()), name(field) + ".");
    }

    public String requireString(String field) {
        return string(field).filter(s -> !s.isBlank())
                .orElseThrow(() -> ApiError.invalid(name(field) + " is required"));
    }

    public Optional<String> string(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw wrongType(field, "a string");
    }

    /**
     * A string that may be left out but is never null: for a field that always has a value (a project's name and
     * status), where null would read as "clear it" and clearing is not allowed.
     */
    public Optional<String> nonNullString(String field) {
        requireNotNull(field, "a string, not null");
        return string(field);
    }

    /** An object that may be left out but is never null, as {@link #nonNullString} for a string. */
    public Optional<Map<String, Object>> nonNullObject(String field) {
        requireNotNull(field, "a JSON object, not null");
        return object(field);
    }

    private void requireNotNull(String field, String expected) {
        if (has(field) && fields.get(field) == null) {
            throw wrongType(field, expected);
        }
    }

    /** Outer empty: absent. Inner empty: explicitly null. */
    public Optional<Optional<String>> nullableString(String field) {
        return has(field) ? Optional.of(string(field)) : Optional.empty();
    }

    public Optional<Boolean> bool(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        throw wrongType(field, "true or false");
    }

    public Optional<BigDecimal> decimal(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        return Optional.of(JsonValues.decimal(value).orElseThrow(() -> wrongType(field, "a number")));
    }

    /**
     * A number that may be left out but is never null: for a field that always has a value (a model's price), where
     * null could only be read as "leave it" or "clear it", and neither is what the client wrote.
     */
    public Optional<BigDecimal> nonNullDecimal(String field) {
        if (has(field) && fields.get(field) == null) {
            throw wrongType(field, "a number, not null");
        }
        return decimal(field);
    }

    public Optional<Optional<BigDecimal>> nullableDecimal(String field) {
        return has(field) ? Optional.of(decimal(field)) : Optional.empty();
    }

    public Optional<Integer> integer(String field) {
        return wholeNumber(field, Integer.MIN_VALUE, Integer.MAX_VALUE).map(Long::intValue);
    }

    public Optional<Long> longValue(String field) {
        return wholeNumber(field, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A whole number (2.0 is one) that fits the Java type it is read into, or a message saying which rule fails. */
    private Optional<Long> wholeNumber(String field, long min, long max) {
        return decimal(field).map(d -> {
            JsonValues.wholeNumberProblem(d, min, max).ifPresent(problem -> {
                throw wrongType(field, problem);
            });
            return d.longValueExact();
        });
    }

    /**
     * An ISO-8601 instant in years 1 to 9999. Java reads years up to a billion, which neither database stores
     * (PostgreSQL's timestamps end in 294276), so a far-off year would otherwise fail only when written.
     */
    public Optional<Instant> instant(String field) {
        return string(field).map(s -> {
            try {
                Instant at = Instant.parse(s);
                if (at.isBefore(FIRST_INSTANT) || at.isAfter(LAST_INSTANT)) {
                    throw ApiError.invalid(name(field) + " must fall in the years 1 to 9999");
                }
                return at;
            } catch (DateTimeParseException e) {
                throw ApiError.invalid(name(field) + " must be an ISO-8601 timestamp such as 2026-04-12T09:00:00Z");
            }
        });
    }

    public Optional<Optional<Instant>> nullableInstant(String field) {
        return has(field) ? Optional.of(instant(field)) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> object(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of((Map<String, Object>) map);
        }
        throw wrongType(field, "a JSON object");
    }

    @SuppressWarnings("unchecked")
    public Optional<List<Object>> array(String field) {
        Object value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return Optional.of((List<Object>) list);
        }
        throw wrongType(field, "an array");
    }

    public Optional<Object> value(String field) {
        return Optional.ofNullable(fields.get(field));
    }

    private ApiError wrongType(String field, String expected) {
        return ApiError.invalid(name(field) + " must be " + expected);
    }

    private String name(String field) {
        return path + field;
    }
}
