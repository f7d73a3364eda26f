package io.olyx.adapter.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.olyx.domain.common.JsonPaths;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds where a number sits that Jackson refuses while parsing, before any value exists that {@link JsonPaths#first}
 * could be asked about: one whose exponent lies past ±2^31 (no BigDecimal can hold it), or one written with more
 * digits than Jackson reads. The text is read again as tokens, without Jackson's limit on a number's length, and
 * the path is spelled by JsonPaths ({@code metadata.scores[1]}), so these messages read like every other one.
 */
final class NumberPlaces {
    private static final JsonFactory WITHOUT_LENGTH_LIMIT = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(Integer.MAX_VALUE).build())
            .build();

    private NumberPlaces() {
    }

    /** The path of the first number no BigDecimal can hold. */
    static Optional<String> firstUnrepresentable(JsonBody.Tokens tokens) {
        return first(tokens, number -> !representable(number));
    }

    /** The path of the first number written with more than {@code maxDigits} digits. */
    static Optional<String> firstLongerThan(JsonBody.Tokens tokens, int maxDigits) {
        return first(tokens, number -> number.chars().filter(Character::isDigit).count() > maxDigits);
    }

    private static Optional<String> first(JsonBody.Tokens tokens, Predicate<String> wrong) {
        try (JsonParser parser = tokens.open(WITHOUT_LENGTH_LIMIT)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric() && wrong.test(parser.getText())) {
                    return Optional.of(path(parser.getParsingContext()));
                }
            }
            return Optional.empty();
        } catch (IOException unreadable) {
            // the caller then names no place; its message still says what is wrong
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
