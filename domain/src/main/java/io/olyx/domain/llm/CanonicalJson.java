package io.olyx.domain.llm;

import io.olyx.domain.common.JsonNumbers;
import io.olyx.domain.common.JsonValues;
import java.math.BigDecimal;

/**
 * One text for each JSON value, whatever order its members came in: compact JSON with object members in key order.
 * Two questions need it, and they differ only in when two numbers are the same, so each has its own form:
 * <ul>
 *   <li>{@link #exact}: is this the same request? Numbers stay the exact decimals they were read as, in plain
 *       digits: {@code 1e3} is {@code 1000} and {@code 1e0} is {@code 1}, but {@code 1.0} stays {@code 1.0}. Olyx
 *       hands such values on as it read them (a tool result given as a JSON value is sent to the model as that
 *       text, metadata and schemas are kept and sent as they came), so {@code {"t":1.0}} and {@code {"t":1}} are
 *       two requests; this is how an Idempotency-Key retry is compared.</li>
 *   <li>{@link #byValue}: is this the same JSON value? Numbers compare by value, {@code 1 = 1.0 = 1e0}, as JSON
 *       Schema's {@code enum} and {@code const} compare them and as a model repeating a tool call with its
 *       arguments formatted otherwise still repeats it.</li>
 * </ul>
 * The forms are what {@link JsonText#write} writes but for the member order and the numbers, so a value the HTTP
 * edge reads and writes back keeps its {@link #exact} text.
 */
public final class CanonicalJson {
    private static final JsonText.Spelling EXACT = new JsonText.Spelling(true, CanonicalJson::exactNumber);
    private static final JsonText.Spelling BY_VALUE = new JsonText.Spelling(true, CanonicalJson::numberByValue);

    private CanonicalJson() {
    }

    /** The value with every number as the exact decimal it was read as; rejects anything that is no JSON value. */
    public static String exact(Object value) {
        return JsonText.write(value, EXACT);
    }

    /** The value with every number by its value alone; rejects anything that is no JSON value. */
    public static String byValue(Object value) {
        return JsonText.write(value, BY_VALUE);
    }

    private static String exactNumber(Object number) {
        return plain(decimal(number));
    }

    private static String numberByValue(Object number) {
        return plain(decimal(number).stripTrailingZeros());
    }

    /** Plain digits, but for a number out of {@link JsonNumbers}' range, whose digits would not fit in memory. */
    private static String plain(BigDecimal number) {
        return JsonNumbers.inRange(number) ? number.toPlainString() : number.toString();
    }

    private static BigDecimal decimal(Object number) {
        return JsonValues.decimal(number)
                .orElseThrow(() -> new IllegalArgumentException("JSON has no representation for " + number));
    }
}
