package io.olyx.application.rag;

import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.Embedder;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.SearchIndex;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.SourceDocument;
import io.olyx.domain.rag.TextChunk;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

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

    /** How often a long preparation may ask whether it is still wanted (the question costs a database read). */
    private static final Duration STILL_WANTED_INTERVAL = Duration.ofSeconds(1);

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
        List<SourceDocument> pending = new ArrayList<>();
        int pendingChunks = 0;
        for (SourceDocument document : documents) {
            pending.add(document);
            pendingChunks += chunker.split(document.text()).size();
            if (pendingChunks >= chunksPerWrite) {
                chunkCount += write(indexKey, prepare(pending));
                pending.clear();
                pendingChunks = 0;
            }
        }
        if (!pending.isEmpty()) {
            chunkCount += write(indexKey, prepare(pending));
        }
        return new Result.Indexed(documents.size(), chunkCount);
    }

    /**
     * The documents chunked and embedded, not yet written: the slow half of indexing, which needs no lock.
     */
    public Prepared prepare(List<SourceDocument> documents) {
        return prepare(documents, () -> true).orElseThrow();
    }

    /**
     * As {@link #prepare(List)}, embedding {@code chunksPerWrite} chunks per embedder call (so it can batch them)
     * and asking {@code stillWanted} between calls, and the embedder between its inferences, at most once a
     * second: empty as soon as it says no, so a job whose collection was deleted or emptied stops within an
     * inference or two instead of embedding everything for nothing.
     */
    public Optional<Prepared> prepare(List<SourceDocument> documents, BooleanSupplier stillWanted) {
        BooleanSupplier wanted = new ThrottledCheck(stillWanted, STILL_WANTED_INTERVAL);
        Map<String, List<StoredChunk>> chunks = new LinkedHashMap<>();
        List<StoredChunk> all = new ArrayList<>();
        for (SourceDocument document : documents) {
            List<StoredChunk> own = new ArrayList<>();
            for (TextChunk c : chunker.split(document.text())) {
                own.add(new StoredChunk(document.chunkId(c.ordinal()), document.id(), document.name(),
                        c.ordinal(), c.start(), c.end(), c.text(), document.metadata()));
            }
            chunks.put(document.id(), own);
            all.addAll(own);
        }
        List<String> texts = all.stream().map(StoredChunk::text).toList();
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += chunksPerWrite) {
            if (from > 0 && !wanted.getAsBoolean()) {
                return Optional.empty();
            }
            int to = Math.min(texts.size(), from + chunksPerWrite);
            try {
                vectors.addAll(embedder.embedDocuments(texts.subList(from, to), wanted));
            } catch (CancellationException e) {
                return Optional.empty();
            }
        }
        Map<String, List<ChunkToIndex>> byDocument = new LinkedHashMap<>();
        int next = 0;
        for (Map.Entry<String, List<StoredChunk>> e : chunks.entrySet()) {
            List<ChunkToIndex> own = new ArrayList<>(e.getValue().size());
            for (StoredChunk chunk : e.getValue()) {
                own.add(new ChunkToIndex(chunk, vectors.get(next++)));
            }
            byDocument.put(e.getKey(), own);
        }
        return Optional.of(new Prepared(embedder.spec(), byDocument));
    }

    /** Replaces the prepared documents' chunks in one write; returns how many chunks were written. */
    public int write(String indexKey, Prepared prepared) {
        List<ChunkToIndex> chunks = prepared.byDocument().values().stream().flatMap(List::stream).toList();
        index.replaceDocuments(indexKey, prepared.spec(), List.copyOf(prepared.byDocument().keySet()), chunks);
        return chunks.size();
    }

    /** Chunks with their vectors, by document id, and the model that made the vectors. */
    public record Prepared(EmbeddingModelSpec spec, Map<String, List<ChunkToIndex>> byDocument) {
        public Prepared {
            Objects.requireNonNull(spec, "spec");
            byDocument = Collections.unmodifiableMap(new LinkedHashMap<>(byDocument));
        }

        /** Only the listed documents (e.g. those whose text did not change while they were embedded). */
        public Prepared only(Set<String> documentIds) {
            Map<String, List<ChunkToIndex>> kept = new LinkedHashMap<>(byDocument);
            kept.keySet().retainAll(documentIds);
            return new Prepared(spec, kept);
        }

        public int chunkCount() {
            return byDocument.values().stream().mapToInt(List::size).sum();
        }
    }

    /** Removes one document's chunks; returns how many there were. */
    public int remove(String indexKey, String documentId) {
        return index.deleteDocument(indexKey, documentId);
    }

    /** Removes every chunk of the listed documents in one write. */
    public void removeAll(String indexKey, java.util.Collection<String> documentIds) {
        if (!documentIds.isEmpty()) {
            index.deleteDocuments(indexKey, documentIds);
        }
    }

    /** Empties the index, e.g. before re-embedding every document with a new model. */
    public void reset(String indexKey) {
        index.reset(indexKey);
    }

    /** Removes the index altogether (its collection is gone). */
    public void drop(String indexKey) {
        index.drop(indexKey);
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
}
