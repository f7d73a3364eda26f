package io.olyx.adapter.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import io.olyx.domain.common.JsonPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Finds a number whose exponent lies past ±2^31, which no BigDecimal can hold, so the parsed value never exists
 * and {@link JsonPaths#first} cannot be asked. The path is spelled by JsonPaths too ({@code metadata.scores[1]}), so
 * both out-of-range messages read alike.
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
        } catch (IOException unreadable) {
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
        StringBuilder below = new StringBuilder();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            below.insert(0, c.inArray() ? JsonPaths.element(c.getCurrentIndex())
                    : JsonPaths.member(c.getCurrentName()));
        }
        return JsonPaths.under("", below.toString());
    }
}
