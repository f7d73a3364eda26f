package io.olyx.application.rag;

import io.olyx.application.port.ChunkHit;
import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.RetrievedChunk;
import io.olyx.application.port.SearchIndex;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.Terms;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** A SearchIndex in maps: lexical score is the share of distinct query terms a chunk contains. */
final class InMemorySearchIndex implements SearchIndex {

    private record Index(Map<String, ChunkToIndex> chunks, EmbeddingModelSpec[] spec) {
    }

    private final Map<String, Index> indexes = new HashMap<>();

    private Index index(String key) {
        return indexes.computeIfAbsent(key, k -> new Index(new TreeMap<>(), new EmbeddingModelSpec[1]));
    }

    @Override
    public synchronized void upsert(String indexKey, EmbeddingModelSpec spec, List<ChunkToIndex> chunks) {
        Index index = index(indexKey);
        if (index.spec()[0] != null && !index.spec()[0].equals(spec)) {
            throw new IllegalStateException("index built with " + index.spec()[0]);
        }
        index.spec()[0] = spec;
        chunks.forEach(c -> index.chunks().put(c.chunk().chunkId(), c));
    }

    @Override
    public synchronized void replaceDocuments(String indexKey, EmbeddingModelSpec spec, Collection<String> documentIds,
                                              List<ChunkToIndex> chunks) {
        deleteDocuments(indexKey, documentIds);
        upsert(indexKey, spec, chunks);
    }

    @Override
    public synchronized int deleteDocument(String indexKey, String documentId) {
        Map<String, ChunkToIndex> chunks = index(indexKey).chunks();
        int before = chunks.size();
        chunks.values().removeIf(c -> c.chunk().documentId().equals(documentId));
        return before - chunks.size();
    }

    @Override
    public synchronized void deleteDocuments(String indexKey, Collection<String> documentIds) {
        documentIds.forEach(id -> deleteDocument(indexKey, id));
    }

    @Override
    public synchronized void reset(String indexKey) {
        indexes.remove(indexKey);
    }

    @Override
    public synchronized void drop(String indexKey) {
        indexes.remove(indexKey);
    }

    @Override
    public synchronized List<String> documentIds(String indexKey, Optional<String> after, int limit) {
        return index(indexKey).chunks().values().stream().map(c -> c.chunk().documentId())
                .filter(id -> after.map(a -> id.compareTo(a) > 0).orElse(true)).distinct().sorted().limit(limit)
                .toList();
    }

    @Override
    public synchronized List<ChunkHit> lexicalTopK(String indexKey, String query, int k) {
        return top(index(indexKey).chunks().values().stream()
                .map(c -> new ChunkHit(c.chunk(), lexical(query, c.chunk().text()))).filter(h -> h.score() > 0)
                .toList(), k);
    }

    @Override
    public synchronized List<ChunkHit> vectorTopK(String indexKey, float[] queryVector, int k) {
        return top(index(indexKey).chunks().values().stream()
                .map(c -> new ChunkHit(c.chunk(), dot(queryVector, c.vector()))).toList(), k);
    }

    @Override
    public synchronized List<RetrievedChunk> hybridTopK(String indexKey, String query, float[] queryVector, int k) {
        Set<String> lexicalIds = ids(lexicalTopK(indexKey, query, k));
        Set<String> vectorIds = queryVector.length == 0 ? Set.of() : ids(vectorTopK(indexKey, queryVector, k));
        Set<String> union = new TreeSet<>(lexicalIds);
        union.addAll(vectorIds);
        return union.stream().map(id -> index(indexKey).chunks().get(id))
                .map(c -> new RetrievedChunk(c.chunk(), lexical(query, c.chunk().text()),
                        queryVector.length == 0 ? -1 : dot(queryVector, c.vector()),
                        lexicalIds.contains(c.chunk().chunkId()), vectorIds.contains(c.chunk().chunkId())))
                .toList();
    }

    private static Set<String> ids(List<ChunkHit> hits) {
        return hits.stream().map(h -> h.chunk().chunkId()).collect(Collectors.toSet());
    }

    @Override
    public synchronized List<StoredChunk> chunksOf(String indexKey, String documentId, int from, int to) {
        return index(indexKey).chunks().values().stream().map(ChunkToIndex::chunk)
                .filter(c -> c.documentId().equals(documentId) && c.ordinal() >= from && c.ordinal() <= to)
                .sorted(Comparator.comparingInt(StoredChunk::ordinal)).toList();
    }

    @Override
    public synchronized long count(String indexKey) {
        return index(indexKey).chunks().size();
    }

    @Override
    public synchronized Set<String> keys() {
        return Set.copyOf(indexes.keySet());
    }

    @Override
    public synchronized Optional<EmbeddingModelSpec> embeddingSpec(String indexKey) {
        return Optional.ofNullable(index(indexKey).spec()[0]);
    }

    @Override
    public void close() {
    }

    private static double lexical(String query, String text) {
        var q = new HashSet<>(Terms.of(query));
        var t = new HashSet<>(Terms.of(text));
        if (q.isEmpty()) {
            return 0;
        }
        long matched = q.stream().filter(t::contains).count();
        return (double) matched / q.size();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static List<ChunkHit> top(List<ChunkHit> hits, int k) {
        return hits.stream().sorted(Comparator.comparingDouble(ChunkHit::score).reversed()
                .thenComparing(h -> h.chunk().chunkId())).limit(k).toList();
    }
}
