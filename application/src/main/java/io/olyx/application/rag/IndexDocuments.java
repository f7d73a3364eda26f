package io.olyx.application.rag;

import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.SearchIndex;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.SourceDocument;
import io.olyx.domain.rag.TextChunk;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Indexes documents into one search index: chunk, embed in batches, and replace each document's chunks
 * atomically. Chunk ids are {@code <documentId>#<ordinal>}, and a document is always replaced whole, so
 * uploading a document again, even shorter than before, never leaves duplicate or stale chunks.
 */
public final class IndexDocuments {

    /** The outcome of indexing a batch of documents. */
    public sealed interface Result {
        record Indexed(int documents, int chunks) implements Result {
        }

        /** The index was built with another model; nothing was written. Re-embed: reset, then index again. */
        record EmbeddingModelMismatch(EmbeddingModelSpec index, EmbeddingModelSpec embedder) implements Result {
        }
    }

    private final SearchIndex index;
    private final Embedder embedder;
    private final Chunker chunker;
    private final int chunksPerWrite;

    /**
     * @param chunksPerWrite how many chunks are embedded and written together (documents are never split
     *                       across writes, so a write may hold more when one document is long)
     */
    public IndexDocuments(SearchIndex index, Embedder embedder, Chunker chunker, int chunksPerWrite) {
        this.index = Objects.requireNonNull(index, "index");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.chunker = Objects.requireNonNull(chunker, "chunker");
        if (chunksPerWrite < 1) {
            throw new IllegalArgumentException("chunksPerWrite must be >= 1, was " + chunksPerWrite);
        }
        this.chunksPerWrite = chunksPerWrite;
    }

    public Result index(String indexKey, List<SourceDocument> documents) {
        Optional<Result> mismatch = mismatch(indexKey);
        if (mismatch.isPresent()) {
            return mismatch.get();
        }
        int chunkCount = 0;
        Set<String> pendingIds = new LinkedHashSet<>();
        List<StoredChunk> pending = new ArrayList<>();
        for (SourceDocument document : documents) {
            pendingIds.add(document.id());
            for (TextChunk c : chunker.split(document.text())) {
                pending.add(new StoredChunk(document.chunkId(c.ordinal()), document.id(), document.name(),
                        c.ordinal(), c.start(), c.end(), c.text(), document.metadata()));
            }
            if (pending.size() >= chunksPerWrite) {
                chunkCount += write(indexKey, pendingIds, pending);
                pendingIds.clear();
                pending.clear();
            }
        }
        if (!pendingIds.isEmpty()) {
            chunkCount += write(indexKey, pendingIds, pending);
        }
        return new Result.Indexed(documents.size(), chunkCount);
    }

    /** Removes one document's chunks; returns how many there were. */
    public int remove(String indexKey, String documentId) {
        return index.deleteDocument(indexKey, documentId);
    }

    /** Empties the index, e.g. before re-embedding every document with a new model. */
    public void reset(String indexKey) {
        index.reset(indexKey);
    }

    /** Whether the index was built with a model other than the current embedder's. */
    public boolean needsReembedding(String indexKey) {
        return mismatch(indexKey).isPresent();
    }

    private Optional<Result> mismatch(String indexKey) {
        EmbeddingModelSpec current = embedder.spec();
        return index.embeddingSpec(indexKey)
                .filter(recorded -> !recorded.equals(current))
                .map(recorded -> new Result.EmbeddingModelMismatch(recorded, current));
    }

    private int write(String indexKey, Set<String> documentIds, List<StoredChunk> chunks) {
        List<float[]> vectors = embedder.embedDocuments(chunks.stream().map(StoredChunk::text).toList());
        List<ChunkToIndex> toIndex = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            toIndex.add(new ChunkToIndex(chunks.get(i), vectors.get(i)));
        }
        index.replaceDocuments(indexKey, embedder.spec(), List.copyOf(documentIds), toIndex);
        return chunks.size();
    }
}
