package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonMergePatchProperties {
    @Provide
    Arbitrary<Map<String, Object>> documents() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d", "e");
        Arbitrary<Object> scalars = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(5),
                Arbitraries.integers().between(-5, 5), Arbitraries.of(true, false));
        Arbitrary<Object> nested = Arbitraries.maps(keys, scalars).ofMaxSize(3).map(m -> m);
        return Arbitraries.maps(keys, Arbitraries.oneOf(scalars, nested)).ofMaxSize(5);
    }

    @Provide
    Arbitrary<Map<String, Object>> patches() {
        Arbitrary<String> keys = Arbitraries.of("a", "b", "c", "d", "e");
        Arbitrary<Object> scalarsOrNull = Arbitraries.oneOf(Arbitraries.strings().alpha().ofMaxLength(5),
                Arbitraries.integers().between(-5, 5), Arbitraries.just(null));
        Arbitrary<Object> nested = Arbitraries.maps(keys, scalarsOrNull).ofMaxSize(3).map(m -> m);
        return Arbitraries.maps(keys, Arbitraries.oneOf(scalarsOrNull, nested)).ofMaxSize(4);
    }

    @Property
    void keysThePatchDoesNotMentionAreKept(@ForAll("documents") Map<String, Object> target,
                                           @ForAll("patches") Map<String, Object> patch) {
        Map<String, Object> merged = JsonMergePatch.apply(target, patch);

        target.forEach((key, value) -> {
            if (!patch.containsKey(key)) {
                assertThat(merged).containsEntry(key, value);
            }
        });
    }

    @Property
    void nullRemovesAndScalarsReplace(@ForAll("documents") Map<String, Object> target,
                                      @ForAll("patches") Map<String, Object> patch) {
        Map<String, Object> merged = JsonMergePatch.apply(target, patch);

        patch.forEach((key, value) -> {
            if (value == null) {
                assertThat(merged).doesNotContainKey(key);
            } else if (!(value instanceof Map)) {
                assertThat(merged).containsEntry(key, value);
            }
        });
    }

    @Property
    void applyingAPatchTwiceChangesNothingMore(@ForAll("documents") Map<String, Object> target,
                                               @ForAll("patches") Map<String, Object> patch) {
        Map<String, Object> once = JsonMergePatch.apply(target, patch);

        assertThat(JsonMergePatch.apply(once, patch)).isEqualTo(once);
    }

    @Property
    void theTargetIsNeverModified(@ForAll("documents") Map<String, Object> target,
                                  @ForAll("patches") Map<String, Object> patch) {
        Map<String, Object> before = new HashMap<>(target);

        JsonMergePatch.apply(target, patch);

        assertThat(target).isEqualTo(before);
    }
}
