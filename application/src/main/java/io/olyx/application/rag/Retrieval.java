package io.olyx.application.rag;

import io.olyx.application.port.ChunkHit;
import io.olyx.application.port.SearchIndex;
import io.olyx.domain.rag.RetrievalHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The first stage of hybrid search: lexical and vector top-k from every index, then the missing score of each
 * candidate that only one retriever found, so fusion and reranking see complete signals.
 */
public final class Retrieval {

    private static final char KEY_SEPARATOR = '\u001f';

    private final SearchIndex index;

    public Retrieval(SearchIndex index) {
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * @param vectorIndexKeys the indexes whose vectors match the query vector's model (others are searched
     *                        lexically only)
     */
    public CandidatePool retrieve(List<String> indexKeys, Set<String> vectorIndexKeys, String query,
                                  float[] queryVector, int k) {
        List<RetrievalHit> lexical = new ArrayList<>();
        List<RetrievalHit> vector = new ArrayList<>();
        Map<String, Candidate> candidates = new HashMap<>();
        for (String indexKey : indexKeys) {
            Map<String, ChunkHit> lexHits = byId(index.lexicalTopK(indexKey, query, k));
            Map<String, ChunkHit> vecHits = vectorIndexKeys.contains(indexKey)
                    ? byId(index.vectorTopK(indexKey, queryVector, k)) : Map.of();
            Map<String, Double> lexScores = new HashMap<>();
            lexHits.forEach((id, h) -> lexScores.put(id, h.score()));
            Map<String, Double> cosines = new HashMap<>();
            vecHits.forEach((id, h) -> cosines.put(id, h.score()));
            complete(indexKey, query, queryVector, vectorIndexKeys.contains(indexKey), lexHits, vecHits, lexScores,
                    cosines);
            lexHits.forEach((id, h) -> lexical.add(new RetrievalHit(key(indexKey, id), h.score())));
            vecHits.forEach((id, h) -> vector.add(new RetrievalHit(key(indexKey, id), h.score())));
            Map<String, ChunkHit> union = new HashMap<>(vecHits);
            union.putAll(lexHits);
            union.forEach((id, h) -> candidates.put(key(indexKey, id), new Candidate(key(indexKey, id), indexKey,
                    h.chunk(), lexScores.getOrDefault(id, 0.0), cosines.getOrDefault(id, -1.0))));
        }
        Comparator<RetrievalHit> best = Comparator.comparingDouble(RetrievalHit::score).reversed()
                .thenComparing(RetrievalHit::id);
        lexical.sort(best);
        vector.sort(best);
        return new CandidatePool(query, lexical, vector, candidates);
    }

    private void complete(String indexKey, String query, float[] queryVector, boolean withVectors,
                          Map<String, ChunkHit> lexHits, Map<String, ChunkHit> vecHits,
                          Map<String, Double> lexScores, Map<String, Double> cosines) {
        Set<String> onlyVector = new HashSet<>(vecHits.keySet());
        onlyVector.removeAll(lexHits.keySet());
        if (!onlyVector.isEmpty()) {
            lexScores.putAll(index.lexicalScores(indexKey, query, onlyVector));
        }
        Set<String> onlyLexical = new HashSet<>(lexHits.keySet());
        onlyLexical.removeAll(vecHits.keySet());
        if (withVectors && !onlyLexical.isEmpty()) {
            cosines.putAll(index.vectorScores(indexKey, queryVector, onlyLexical));
        }
    }

    private static Map<String, ChunkHit> byId(List<ChunkHit> hits) {
        Map<String, ChunkHit> byId = new HashMap<>();
        for (ChunkHit hit : hits) {
            byId.putIfAbsent(hit.chunk().chunkId(), hit);
        }
        return byId;
    }

    static String key(String indexKey, String chunkId) {
        return indexKey + KEY_SEPARATOR + chunkId;
    }
}
