package io.olyx.application.port;

import java.util.Objects;

/**
 * One chunk as written to a search index: its stable id, its document, its place in the document and text,
 * and its embedding (unit length, dimension of the index's {@link EmbeddingModelSpec}).
 */
public record ChunkToIndex(StoredChunk chunk, float[] vector) {

    public ChunkToIndex {
        Objects.requireNonNull(chunk, "chunk");
        Objects.requireNonNull(vector, "vector");
    }
}
