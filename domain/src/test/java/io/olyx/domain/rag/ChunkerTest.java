package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

    @Test
    void aShortTextIsOneChunk() {
        List<TextChunk> chunks = new Chunker(ChunkingPolicy.DEFAULT).split("Paris is the capital of France.");
        assertThat(chunks).containsExactly(new TextChunk(0, 0, 31, "Paris is the capital of France."));
    }

    @Test
    void aBlankTextHasNoChunks() {
        assertThat(new Chunker(ChunkingPolicy.DEFAULT).split("  \n ")).isEmpty();
    }

    @Test
    void cutsAfterASentenceRatherThanInsideOne() {
        String text = "The first sentence is here. The second sentence follows it and runs on for a while.";
        List<TextChunk> chunks = new Chunker(new ChunkingPolicy(50, 10)).split(text);
        assertThat(chunks.getFirst().text()).isEqualTo("The first sentence is here. ");
    }

    @Test
    void neighboursOverlapStartingOnAWord() {
        String text = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho";
        List<TextChunk> chunks = new Chunker(new ChunkingPolicy(40, 12)).split(text);
        assertThat(chunks).hasSizeGreaterThan(2);
        for (int i = 1; i < chunks.size(); i++) {
            TextChunk previous = chunks.get(i - 1);
            TextChunk current = chunks.get(i);
            assertThat(current.start()).isLessThan(previous.end());
            assertThat(text.charAt(current.start() - 1)).isEqualTo(' ');
        }
    }

    @Test
    void aWordLongerThanTheBudgetIsCutHard() {
        String text = "x".repeat(100);
        List<TextChunk> chunks = new Chunker(new ChunkingPolicy(30, 5)).split(text);
        assertThat(chunks).allSatisfy(c -> assertThat(c.text()).hasSizeLessThanOrEqualTo(30));
        assertThat(chunks.getLast().end()).isEqualTo(100);
    }

    @Test
    void rejectsAnOverlapOfHalfTheChunkOrMore() {
        assertThatThrownBy(() -> new ChunkingPolicy(100, 50)).isInstanceOf(IllegalArgumentException.class);
    }
}
