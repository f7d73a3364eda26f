package io.olyx.application.port;

import java.util.Objects;

/**
 * A chunk that lexical or vector retrieval found for a query, with both signals (see {@link SearchIndex} for
 * the scales): the one whose top k missed it is computed for it afterwards.
 *
 * @param lexical        0 when no query term occurs in the chunk
 * @param cosine         -1 when no query vector was given or the index holds no vector for the chunk
 * @param foundLexically whether it is among the lexical top k
 * @param foundByVector  whether it is among the vector top k
 */
public record RetrievedChunk(StoredChunk chunk, double lexical, double cosine, boolean foundLexically,
                             boolean foundByVector) {

    public RetrievedChunk {
        Objects.requireNonNull(chunk, "chunk");
    }
}
