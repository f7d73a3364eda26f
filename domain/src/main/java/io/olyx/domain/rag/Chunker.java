package io.olyx.domain.rag;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a document into overlapping chunks whose offsets point into the original text.
 *
 * <p>A chunk ends, in order of preference, after a paragraph break, after a sentence end, after any
 * whitespace, and only when none of these falls in the second half of the size budget is a word cut hard.
 * The next chunk starts {@code overlapChars} before the previous end, moved forward to the start of a word,
 * so overlaps begin on a word. Chunks cover the text without gaps, which keeps every character findable.
 */
public final class Chunker {

    private final ChunkingPolicy policy;

    public Chunker(ChunkingPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public ChunkingPolicy policy() {
        return policy;
    }

    /** The chunks of {@code text} in order; empty for an empty or blank text. */
    public List<TextChunk> split(String text) {
        Objects.requireNonNull(text, "text");
        List<TextChunk> chunks = new ArrayList<>();
        if (text.isBlank()) {
            return chunks;
        }
        int start = 0;
        while (true) {
            if (text.length() - start <= policy.maxChars()) {
                chunks.add(new TextChunk(chunks.size(), start, text.length(), text.substring(start)));
                return chunks;
            }
            int end = cutPoint(text, start);
            chunks.add(new TextChunk(chunks.size(), start, end, text.substring(start, end)));
            start = nextStart(text, start, end);
        }
    }

    private int cutPoint(String text, int start) {
        int limit = start + policy.maxChars();
        int earliest = start + policy.maxChars() / 2;
        int best = -1;
        int bestRank = 0;
        for (int i = limit; i > earliest; i--) {
            int rank = boundaryRank(text, i);
            if (rank > bestRank) {
                best = i;
                bestRank = rank;
                if (rank == 3) {
                    break;
                }
            }
        }
        return best > 0 ? best : limit;
    }

    /** How good a place position {@code i} (a cut between i-1 and i) is: 3 paragraph, 2 sentence, 1 word, 0 none. */
    private static int boundaryRank(String text, int i) {
        char before = text.charAt(i - 1);
        if (!Character.isWhitespace(before)) {
            return 0;
        }
        if (before == '\n' && i >= 2 && text.charAt(i - 2) == '\n') {
            return 3;
        }
        int j = i - 1;
        while (j > 0 && Character.isWhitespace(text.charAt(j - 1))) {
            j--;
        }
        if (j > 0 && isSentenceEnd(text.charAt(j - 1))) {
            return 2;
        }
        return 1;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n';
    }

    private int nextStart(String text, int start, int end) {
        int candidate = Math.max(end - policy.overlapChars(), start + 1);
        while (candidate < end && !startsWord(text, candidate)) {
            candidate++;
        }
        return candidate;
    }

    private static boolean startsWord(String text, int i) {
        return !Character.isWhitespace(text.charAt(i)) && Character.isWhitespace(text.charAt(i - 1));
    }
}
