package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ToolNormalizerProperties {

    @Property(tries = 500)
    void neverThrowsOnArbitraryJson(@ForAll("json") Object input) {
        ToolNormalization result = ToolNormalizer.normalize(input);

        switch (result) {
            case ToolNormalization.Normalized n -> assertThat(n.tools()).allSatisfy(
                    t -> assertThat(t.parameters()).containsEntry("type", "object"));
            case ToolNormalization.Rejected r -> assertThat(r.message()).isNotBlank();
        }
    }

    @Property(tries = 200)
    void allThreeShapesOfOneToolNormalizeToTheSameDefinition(@ForAll("names") String name,
                                                             @ForAll("descriptions") String description) {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("q", Map.of("type", "string")));
        Object openAi = List.of(Map.of("type", "function",
                "function", Map.of("name", name, "description", description, "parameters", schema)));
        Object mcp = List.of(Map.of("name", name, "description", description, "inputSchema", schema));
        Object flat = Map.of(name, Map.of("description", description, "parameters", schema));

        ToolNormalization expected = ToolNormalizer.normalize(openAi);
        assertThat(expected).isInstanceOf(ToolNormalization.Normalized.class);
        assertThat(ToolNormalizer.normalize(mcp)).isEqualTo(expected);
        assertThat(ToolNormalizer.normalize(flat)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abcXYZ019_-").ofMinLength(1).ofMaxLength(64);
    }

    @Provide
    Arbitrary<String> descriptions() {
        return Arbitraries.strings().ofMaxLength(40);
    }

    @Provide
    Arbitrary<Object> json() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abntypefuciopramesdql_").ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.of("function", "object", "name", "parameters", "inputSchema", "type", "properties")
                        .map(s -> (Object) s));
        Arbitrary<String> keys = Arbitraries.of("type", "function", "name", "description", "parameters",
                "inputSchema", "properties", "required", "get_weather", "x");
        return Arbitraries.recursive(() -> scalars,
                inner -> Arbitraries.oneOf(
                        inner.list().ofMaxSize(3).map(l -> (Object) l),
                        Arbitraries.maps(keys, inner).ofMaxSize(4).map(m -> (Object) m)),
                0, 4);
    }
}
