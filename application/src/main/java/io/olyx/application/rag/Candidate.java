package io.olyx.application.rag;

import io.olyx.application.port.StoredChunk;
import java.util.Objects;

/**
 * A chunk found by either retriever for one query, with both retrievers' scores: the one that did not find
 * it in its top k is asked for its score afterwards, so every candidate carries both signals.
 *
 * @param key     unique across the indexes searched: the index key and the chunk id
 * @param lexical BM25 share of the best reachable score, 0..1 (0 when no query term occurs in the chunk)
 * @param cosine  cosine similarity to the query, -1..1 ({@code -1} when the index holds no vector for it)
 */
public record Candidate(String key, String indexKey, StoredChunk chunk, double lexical, double cosine) {

    public Candidate {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(indexKey, "indexKey");
        Objects.requireNonNull(chunk, "chunk");
    }
}
