package io.olyx.domain.rag;

/**
 * How long documents are cut for retrieval. Sizes are in characters of the original text: a chunk never
 * exceeds {@code maxChars}, and consecutive chunks share roughly {@code overlapChars} characters so that a
 * sentence cut by a boundary is still whole in one of the two neighbours.
 *
 * <p>The overlap must stay below half the chunk size, which guarantees that every cut advances by at least a
 * quarter of a chunk and so the chunker always terminates.
 */
public record ChunkingPolicy(int maxChars, int overlapChars) {

    /** About 300 word pieces of English per chunk: well inside the 512-token window of small embedders. */
    public static final ChunkingPolicy DEFAULT = new ChunkingPolicy(1200, 200);

    public ChunkingPolicy {
        if (maxChars < 16) {
            throw new IllegalArgumentException("maxChars must be at least 16, was " + maxChars);
        }
        if (overlapChars < 0 || overlapChars * 2 >= maxChars) {
            throw new IllegalArgumentException("overlapChars must be in [0, maxChars/2), was " + overlapChars);
        }
    }
}
