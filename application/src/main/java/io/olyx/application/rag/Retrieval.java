package io.olyx.application.rag;

import io.olyx.application.port.RetrievedChunk;
import io.olyx.application.port.SearchIndex;
import io.olyx.domain.rag.RetrievalHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The first stage of hybrid search: lexical and vector top-k from every index, each candidate with both
 * retrievers' scores, so fusion and reranking see complete signals.
 */
public final class Retrieval {

    private static final char KEY_SEPARATOR = '\u001f';
    private static final float[] NO_VECTOR = new float[0];
    private static final Comparator<RetrievalHit> BEST_FIRST = Comparator.comparingDouble(RetrievalHit::score)
            .reversed().thenComparing(RetrievalHit::id);

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
            float[] vectorHere = vectorIndexKeys.contains(indexKey) ? queryVector : NO_VECTOR;
            for (RetrievedChunk found : index.hybridTopK(indexKey, query, vectorHere, k)) {
                String key = key(indexKey, found.chunk().chunkId());
                if (found.foundLexically()) {
                    lexical.add(new RetrievalHit(key, found.lexical()));
                }
                if (found.foundByVector()) {
                    vector.add(new RetrievalHit(key, found.cosine()));
                }
                candidates.put(key, new Candidate(key, indexKey, found.chunk(), found.lexical(), found.cosine()));
            }
        }
        lexical.sort(BEST_FIRST);
        vector.sort(BEST_FIRST);
        return new CandidatePool(query, lexical, vector, candidates);
    }

    static String key(String indexKey, String chunkId) {
        return indexKey + KEY_SEPARATOR + chunkId;
    }
}
