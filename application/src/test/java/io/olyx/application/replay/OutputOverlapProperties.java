package io.olyx.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NotBlank;
import net.jqwik.api.constraints.StringLength;

class OutputOverlapProperties {
    @Property
    void anAnswerMatchesItselfFully(@ForAll @NotBlank String answer) {
        assertThat(OutputOverlap.of(List.of(new OutputOverlap.Pair(answer, answer)))).contains(1.0);
    }

    @Property
    void theMatchIsSymmetricAndBetweenZeroAndOne(@ForAll String a, @ForAll String b) {
        var forward = OutputOverlap.of(List.of(new OutputOverlap.Pair(a, b)));
        var backward = OutputOverlap.of(List.of(new OutputOverlap.Pair(b, a)));

        assertThat(forward).isEqualTo(backward);
        forward.ifPresent(score -> assertThat(score).isBetween(0.0, 1.0));
    }

    @Property
    void answersWithNoWordInCommonDoNotMatch(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String word) {
        String a = word.toLowerCase() + "a";
        String b = word.toLowerCase() + "b";

        assertThat(OutputOverlap.of(List.of(new OutputOverlap.Pair(a, b)))).contains(0.0);
    }

    @Example
    void caseAccentsAndPunctuationDoNotMatterAndNonTextIsIgnored() {
        assertThat(OutputOverlap.of(List.of(new OutputOverlap.Pair("Café, OUVERT!", "cafe ouvert"),
                new OutputOverlap.Pair(Map.of("tool", "x"), "text")))).contains(1.0);
        assertThat(OutputOverlap.of(List.of(new OutputOverlap.Pair(null, "text")))).isEmpty();
        assertThat(OutputOverlap.of(List.of(new OutputOverlap.Pair("the cat sat", "the dog sat")))).contains(0.6667);
    }
}
