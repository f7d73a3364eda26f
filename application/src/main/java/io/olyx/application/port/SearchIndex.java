package io.olyx.application.port;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chunk storage with lexical and vector retrieval, partitioned into independent indexes by an opaque key (one
 * index per collection, e.g. {@code "<projectId>/<collectionId>"}). Indexes come into being on first write.
 * Reads of an index that does not exist see an empty index.
 *
 * <p>Scores are fixed scales so they compare across queries and indexes:
 * <ul>
 *   <li>lexical: BM25 divided by the highest BM25 the query's terms could reach (each term's idf), 0..1;</li>
 *   <li>vector: cosine similarity of the unit vectors, -1..1.</li>
 * </ul>
 * Results are ordered by score, then by chunk id, so equal scores come back in the same order every time.
 * Writes are visible to the next read. Implementations are thread-safe.
 */
public interface SearchIndex extends AutoCloseable {

    /**
     * Adds the chunks or replaces those with the same chunk id. The first write to an empty index records
     * {@code spec}; a write with a different spec is refused with {@link IllegalStateException} (check
     * {@link #embeddingSpec} first, and rebuild with {@link #reset} to change models).
     */
    void upsert(String indexKey, EmbeddingModelSpec spec, List<ChunkToIndex> chunks);

    /**
     * Replaces whole documents in one write: every chunk of each listed document id is removed and the given
     * chunks added, so readers see either the old or the new version of a document, never both or a mix.
     * Same spec rule as {@link #upsert}.
     */
    void replaceDocuments(String indexKey, EmbeddingModelSpec spec, Collection<String> documentIds,
                          List<ChunkToIndex> chunks);

    /** Removes every chunk of the document; returns how many were removed. */
    int deleteDocument(String indexKey, String documentId);

    /** Removes every chunk of every document given, in one write. */
    void deleteDocuments(String indexKey, Collection<String> documentIds);

    /** Empties the index and forgets its embedding spec, keeping the index usable. */
    void reset(String indexKey);

    /** Removes the index and its storage altogether. */
    void drop(String indexKey);

    List<ChunkHit> lexicalTopK(String indexKey, String query, int k);

    List<ChunkHit> vectorTopK(String indexKey, float[] queryVector, int k);

    /**
     * Hybrid retrieval in one read of the index: the union of the lexical and the vector top k, each chunk with
     * both scores. An empty {@code queryVector} retrieves lexically only (for an index built with another model).
     * Ordered by chunk id.
     */
    List<RetrievedChunk> hybridTopK(String indexKey, String query, float[] queryVector, int k);

    /** Chunks of one document whose ordinal is within {@code [fromOrdinal, toOrdinal]}, by ordinal. */
    List<StoredChunk> chunksOf(String indexKey, String documentId, int fromOrdinal, int toOrdinal);

    /**
     * Ids of the documents that have chunks in the index, in id order, after {@code after} (from the first when
     * empty), at most {@code limit}: a page read from the index's term dictionary, so listing every document costs
     * one step per document, however many chunks each has (for housekeeping, e.g. removing chunks of documents that
     * no longer exist). A missing index has none.
     */
    List<String> documentIds(String indexKey, Optional<String> after, int limit);

    /** Number of chunks in the index. */
    long count(String indexKey);

    /** The keys of every index that exists, for housekeeping (e.g. removing indexes nothing refers to). */
    Set<String> keys();

    /** The embedding spec recorded by the first write; empty for an empty or never-written index. */
    Optional<EmbeddingModelSpec> embeddingSpec(String indexKey);

    @Override
    void close();
}
