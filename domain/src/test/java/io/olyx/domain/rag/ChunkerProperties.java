package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ChunkerProperties {

    @Property
    void chunksCoverTheWholeTextWithoutGaps(@ForAll("texts") String text, @ForAll("policies") ChunkingPolicy policy) {
        List<TextChunk> chunks = new Chunker(policy).split(text);
        if (text.isBlank()) {
            assertThat(chunks).isEmpty();
            return;
        }
        assertThat(chunks.getFirst().start()).isZero();
        assertThat(chunks.getLast().end()).isEqualTo(text.length());
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).start()).isLessThanOrEqualTo(chunks.get(i - 1).end());
            assertThat(chunks.get(i).start()).isGreaterThan(chunks.get(i - 1).start());
        }
    }

    @Property
    void offsetsPointAtTheChunkTextAndOrdinalsCount(@ForAll("texts") String text,
                                                    @ForAll("policies") ChunkingPolicy policy) {
        List<TextChunk> chunks = new Chunker(policy).split(text);
        for (int i = 0; i < chunks.size(); i++) {
            TextChunk c = chunks.get(i);
            assertThat(c.ordinal()).isEqualTo(i);
            assertThat(text.substring(c.start(), c.end())).isEqualTo(c.text());
        }
    }

    @Property
    void noChunkExceedsTheBudget(@ForAll("texts") String text, @ForAll("policies") ChunkingPolicy policy) {
        assertThat(new Chunker(policy).split(text))
                .allSatisfy(c -> assertThat(c.text().length()).isLessThanOrEqualTo(policy.maxChars()));
    }

    @Property
    void splittingIsDeterministic(@ForAll("texts") String text, @ForAll("policies") ChunkingPolicy policy) {
        assertThat(new Chunker(policy).split(text)).isEqualTo(new Chunker(policy).split(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> word = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(14);
        Arbitrary<String> separator = Arbitraries.of(" ", " ", " ", ". ", ", ", "\n", "\n\n", "  ", "! ");
        Arbitrary<String> prose = Combinators.combine(word, separator).as(String::concat)
                .list().ofMaxSize(400).map(parts -> String.join("", parts));
        Arbitrary<String> noise = Arbitraries.strings().all().ofMaxLength(600);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, prose), net.jqwik.api.Tuple.of(1, noise));
    }

    @Provide
    Arbitrary<ChunkingPolicy> policies() {
        return Arbitraries.integers().between(16, 400).flatMap(max ->
                Arbitraries.integers().between(0, (max - 1) / 2).map(overlap -> new ChunkingPolicy(max, overlap)));
    }
}
