package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CanonicalJsonProperties {

    @Property(tries = 300)
    void memberOrderNeverMatters(@ForAll("values") Object value) {
        Object reordered = rebuilt(value, number -> number, true);

        assertThat(CanonicalJson.exact(reordered)).isEqualTo(CanonicalJson.exact(value));
        assertThat(CanonicalJson.byValue(reordered)).isEqualTo(CanonicalJson.byValue(value));
    }

    @Property(tries = 300)
    void byValueIgnoresTrailingZerosWhereExactKeepsThem(@ForAll("values") Object value,
                                                        @ForAll @IntRange(min = 1, max = 3) int zeros) {
        Object padded = rebuilt(value, number -> number.setScale(Math.max(number.scale(), 0) + zeros), false);

        assertThat(CanonicalJson.byValue(padded)).isEqualTo(CanonicalJson.byValue(value));
        assertThat(CanonicalJson.exact(padded).equals(CanonicalJson.exact(value))).isEqualTo(!hasNumber(value));
    }

    /** Numbers here have at most 15 digits, which JsonText reads back (as a double) without losing any. */
    @Property(tries = 300)
    void theExactFormIsJsonThatReadsBackAsTheSameValue(@ForAll("values") Object value) {
        Object read = JsonText.parse(CanonicalJson.exact(value)).orElseThrow();

        assertThat(CanonicalJson.byValue(read)).isEqualTo(CanonicalJson.byValue(value));
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
                Arbitraries.longs().between(-999_999_999_999_999L, 999_999_999_999_999L).map(l -> (Object) l),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-1_000_000), BigInteger.valueOf(1_000_000))
                        .flatMap(unscaled -> Arbitraries.integers().between(-4, 8)
                                .map(scale -> (Object) new BigDecimal(unscaled, scale))),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(l -> (Object) l),
                        Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), inner).ofMaxSize(4)
                                .map(m -> (Object) new LinkedHashMap<>(m))),
                0, 3);
    }

    private static boolean hasNumber(Object value) {
        return switch (value) {
            case Map<?, ?> map -> map.values().stream().anyMatch(CanonicalJsonProperties::hasNumber);
            case List<?> list -> list.stream().anyMatch(CanonicalJsonProperties::hasNumber);
            case Long l -> true;
            case BigDecimal d -> true;
            case null, default -> false;
        };
    }

    /** A copy of {@code value} with every number passed through {@code number}, members reversed if asked. */
    private static Object rebuilt(Object value, UnaryOperator<BigDecimal> number, boolean reverseMembers) {
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> members = new ArrayList<>(map.entrySet());
            if (reverseMembers) {
                Collections.reverse(members);
            }
            Map<Object, Object> copy = new LinkedHashMap<>();
            members.forEach(m -> copy.put(m.getKey(), rebuilt(m.getValue(), number, reverseMembers)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> rebuilt(item, number, reverseMembers)).toList();
        }
        if (value instanceof Long l) {
            return number.apply(BigDecimal.valueOf(l));
        }
        return value instanceof BigDecimal d ? number.apply(d) : value;
    }
}
