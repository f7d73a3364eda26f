package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonTextProperties {

    @Property(tries = 500)
    void writtenJsonParsesBackToTheSameValue(@ForAll("values") Object value) {
        assertThat(JsonText.parse(JsonText.write(value))).contains(value);
    }

    @Property(tries = 500)
    void parsingArbitraryTextNeverThrows(@ForAll String text) {
        JsonText.parse(text);
        JsonText.parse("{\"a\":" + text + "}");
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(10).map(s -> (Object) s),
                Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().filter(d -> d != Math.rint(d)).map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b));
        return Arbitraries.recursive(() -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(4).map(l -> (Object) l),
                        Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), inner).ofMaxSize(4)
                                .map(m -> (Object) m)),
                0, 3);
    }
}
