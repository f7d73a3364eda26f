package io.olyx.adapter.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Finds a number whose exponent lies past ±2^31, which no BigDecimal can hold, so the parsed value never exists
 * and {@link io.olyx.domain.common.JsonPaths} cannot be asked. The path is spelled as JsonPaths spells it
 * ({@code metadata.scores[1]}), so both out-of-range messages read alike.
 */
final class UnrepresentableNumbers {
    private UnrepresentableNumbers() {
    }

    static Optional<String> firstPath(JsonBody.Tokens tokens) {
        try (JsonParser parser = tokens.open()) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_NUMBER_FLOAT && !representable(parser.getText())) {
                    return Optional.of(path(parser.getParsingContext()));
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // the message then names no place; it still says what is wrong
            return Optional.empty();
        }
    }

    private static boolean representable(String number) {
        try {
            new BigDecimal(number);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            path.insert(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        return path.charAt(0) == '.' ? path.substring(1) : path.toString();
    }
}
