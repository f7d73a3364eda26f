package io.olyx.domain.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The numbers Olyx accepts in JSON it is sent: those whose exponent in scientific notation lies within
 * ±{@value #MAX_EXPONENT}. That keeps every real amount, count and setting, while every accepted number can still
 * be written out in plain digits in a few thousand characters. Without the bound, {@code 1e999999999} (eleven
 * characters) would need a gigabyte of digits, and once stored no answer holding it could be serialised again.
 */
public final class JsonNumbers {
    public static final int MAX_EXPONENT = 1000;

    private JsonNumbers() {
    }

    public static boolean inRange(BigDecimal number) {
        long exponent = (long) number.precision() - number.scale() - 1;
        return Math.abs(exponent) <= MAX_EXPONENT;
    }

    /**
     * Where the first out-of-range number sits in a JSON-shaped value (depth first), as a path such as
     * {@code metadata.scores[2]}; {@code prefix} names the value itself.
     */
    public static Optional<String> firstOutOfRange(Object value, String prefix) {
        return JsonPaths.first(value, prefix, JsonNumbers::isOutOfRange);
    }

    private static boolean isOutOfRange(Object value) {
        return switch (value) {
            case BigDecimal d -> !inRange(d);
            case BigInteger i -> !inRange(new BigDecimal(i));
            case Double d -> !Double.isFinite(d);
            case Float f -> !Float.isFinite(f);
            case null, default -> false;
        };
    }
}
