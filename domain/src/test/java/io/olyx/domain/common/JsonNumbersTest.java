package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {

    @Test
    void exponentsUpToAThousandEitherWayAreInRange() {
        assertThat(JsonNumbers.inRange(new BigDecimal("1e1000"))).isTrue();
        assertThat(JsonNumbers.inRange(new BigDecimal("9.99e1000"))).isTrue();
        assertThat(JsonNumbers.inRange(new BigDecimal("1e-1000"))).isTrue();
        assertThat(JsonNumbers.inRange(new BigDecimal("0.123456789123456789"))).isTrue();
        assertThat(JsonNumbers.inRange(BigDecimal.ZERO)).isTrue();
    }

    @Test
    void largerExponentsAndZerosWithHugeScalesAreNot() {
        assertThat(JsonNumbers.inRange(new BigDecimal("1e1001"))).isFalse();
        assertThat(JsonNumbers.inRange(new BigDecimal("1e-1001"))).isFalse();
        assertThat(JsonNumbers.inRange(new BigDecimal("-1e999999999"))).isFalse();
        assertThat(JsonNumbers.inRange(new BigDecimal("0e-999999999"))).isFalse();
    }

    @Test
    void theFirstOutOfRangeNumberIsFoundWhereverItIsNested() {
        Map<String, Object> body = Map.of("trace_id", "x", "metadata",
                Map.of("scores", Arrays.asList(1, null, new BigDecimal("1e5000"))));

        assertThat(JsonNumbers.firstOutOfRange(body, "")).contains("metadata.scores[2]");
        assertThat(JsonNumbers.firstOutOfRange(List.of(BigInteger.TEN.pow(1001)), "line")).contains("line[0]");
        assertThat(JsonNumbers.firstOutOfRange(Map.of("d", Double.POSITIVE_INFINITY), "")).contains("d");
    }

    @Test
    void ordinaryValuesHaveNone() {
        assertThat(JsonNumbers.firstOutOfRange(Map.of("a", List.of(1, 2.5, 1L << 60, "1e9999", true),
                "b", new BigDecimal("1e-30"), "c", BigInteger.TEN.pow(500)), "")).isEmpty();
    }
}
