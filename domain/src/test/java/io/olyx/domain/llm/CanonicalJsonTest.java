package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void exactKeepsEachNumberAsTheDecimalItWasReadAs() {
        assertThat(CanonicalJson.exact(new BigDecimal("1e3"))).isEqualTo("1000");
        assertThat(CanonicalJson.exact(new BigDecimal("1e0"))).isEqualTo(CanonicalJson.exact(1)).isEqualTo("1");
        assertThat(CanonicalJson.exact(new BigDecimal("10e-1"))).isEqualTo("1.0");
        assertThat(CanonicalJson.exact(new BigDecimal("1.0"))).as("1.0 may be handed on as 1.0")
                .isNotEqualTo(CanonicalJson.exact(1));
        assertThat(CanonicalJson.exact(new BigDecimal("0.10"))).isEqualTo("0.10");
        assertThat(CanonicalJson.exact(new BigDecimal("2.5E-7"))).isEqualTo("0.00000025");
    }

    @Test
    void byValueComparesNumbersByTheirValueAlone() {
        List<Object> ones = List.of(1, 1L, new BigDecimal("1.0"), new BigDecimal("1e0"), new BigDecimal("10e-1"), 1.0);

        assertThat(ones).extracting(CanonicalJson::byValue).containsOnly("1");
        assertThat(CanonicalJson.byValue(new BigDecimal("1e3"))).isEqualTo("1000");
        assertThat(CanonicalJson.byValue(new BigDecimal("0.0"))).isEqualTo("0");
        assertThat(CanonicalJson.byValue(Map.of("n", new BigDecimal("0.50"))))
                .isEqualTo(CanonicalJson.byValue(Map.of("n", 0.5)));
    }

    @Test
    void membersAreInKeyOrderAtEveryDepthAndArraysKeepTheirs() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", true);
        inner.put("a", null);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("list", List.of(3, 1, 2));
        outer.put("b", inner);
        outer.put("a", "x");

        assertThat(CanonicalJson.exact(outer)).isEqualTo("{\"a\":\"x\",\"b\":{\"a\":null,\"z\":true},\"list\":[3,1,2]}");
        assertThat(CanonicalJson.byValue(outer)).isEqualTo(CanonicalJson.exact(outer));
    }

    @Test
    void stringsAreEscapedOneWayOnly() {
        assertThat(CanonicalJson.exact("say \"hi\"\\\t\n\u0001\u001f caf\u00e9"))
                .isEqualTo("\"say \\\"hi\\\"\\\\\\t\\n\\u0001\\u001F caf\u00e9\"");
    }

    @Test
    void aNumberTooLongForPlainDigitsKeepsItsExponent() {
        assertThat(CanonicalJson.exact(new BigDecimal("1e2000"))).isEqualTo("1E+2000");
        assertThat(CanonicalJson.byValue(new BigDecimal("1.0e2000"))).isEqualTo("1E+2000");
    }

    @Test
    void whatIsNoJsonValueIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.exact(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.byValue(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.exact(Map.of(1, "a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
