package io.olyx.application.port;

import java.util.Objects;

/** A chunk a retriever found, with that retriever's score (see {@link SearchIndex} for the scales). */
public record ChunkHit(StoredChunk chunk, double score) {

    public ChunkHit {
        Objects.requireNonNull(chunk, "chunk");
    }
}
