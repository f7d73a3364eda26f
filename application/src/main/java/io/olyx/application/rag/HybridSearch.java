package io.olyx.application.rag;

import io.olyx.application.port.Embedder;
import io.olyx.application.port.SearchIndex;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.RankedChunk;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.RerankerKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Semantic search over one or more indexes: for each query term, embed it, retrieve lexically and by vector
 * from every index, fuse, rerank, then keep each chunk's best score over the terms, drop results under
 * {@code minScore} and return the {@code top} best, optionally with their neighbouring chunks.
 *
 * <p>An index built with another embedding model is still searched lexically and is listed in
 * {@link Results#indexesNeedingReembedding()} so the caller can queue re-embedding.
 */
public final class HybridSearch {

    /** A search request; {@code minScore} is on the 0..1 scale described in {@link io.olyx.domain.rag.Reranker}. */
    public record Query(List<String> indexKeys, List<String> terms, int top, double minScore, RerankerKind reranker,
                        boolean includeReferences) {
        public Query {
            indexKeys = List.copyOf(indexKeys);
            terms = terms.stream().filter(t -> !t.isBlank()).toList();
            Objects.requireNonNull(reranker, "reranker");
            if (top < 1) {
                throw new IllegalArgumentException("top must be >= 1, was " + top);
            }
            if (Double.isNaN(minScore)) {
                throw new IllegalArgumentException("minScore must be a number");
            }
        }
    }

    /** One result: the chunk, its score and, when asked for, the chunks just before and after it. */
    public record Result(String indexKey, StoredChunk chunk, double score, List<StoredChunk> references) {
        public Result {
            Objects.requireNonNull(indexKey, "indexKey");
            Objects.requireNonNull(chunk, "chunk");
            references = List.copyOf(references);
        }
    }

    public record Results(List<Result> results, List<String> indexesNeedingReembedding) {
        public Results {
            results = List.copyOf(results);
            indexesNeedingReembedding = List.copyOf(indexesNeedingReembedding);
        }
    }

    /** How many neighbours on each side a result's references hold. */
    private static final int REFERENCE_RADIUS = 1;

    private final SearchIndex index;
    private final Embedder embedder;
    private final Retrieval retrieval;
    private final RankingProfile profile;

    public HybridSearch(SearchIndex index, Embedder embedder, RankingProfile profile) {
        this.index = Objects.requireNonNull(index, "index");
        this.embedder = Objects.requireNonNull(embedder, "embedder");
        this.profile = Objects.requireNonNull(profile, "profile");
        this.retrieval = new Retrieval(index);
    }

    public Results search(Query query) {
        Set<String> vectorKeys = new LinkedHashSet<>();
        List<String> stale = new ArrayList<>();
        for (String key : new LinkedHashSet<>(query.indexKeys())) {
            boolean compatible = index.embeddingSpec(key).map(embedder.spec()::equals).orElse(true);
            if (compatible) {
                vectorKeys.add(key);
            } else {
                stale.add(key);
            }
        }
        Map<String, Scored> best = new HashMap<>();
        for (String term : new LinkedHashSet<>(query.terms())) {
            float[] vector = vectorKeys.isEmpty() ? new float[0] : embedder.embedQuery(term);
            CandidatePool pool = retrieval.retrieve(List.copyOf(new LinkedHashSet<>(query.indexKeys())), vectorKeys,
                    term, vector, profile.candidatesPerRetriever());
            for (RankedChunk ranked : Ranking.rank(pool, profile, query.reranker())) {
                Candidate c = pool.candidates().get(ranked.id());
                best.merge(ranked.id(), new Scored(c, ranked.score()),
                        (a, b) -> a.score() >= b.score() ? a : b);
            }
        }
        List<Result> results = best.values().stream()
                .filter(s -> s.score() >= query.minScore())
                .sorted(Comparator.comparingDouble(Scored::score).reversed()
                        .thenComparing(s -> s.candidate().key()))
                .limit(query.top())
                .map(s -> new Result(s.candidate().indexKey(), s.candidate().chunk(), s.score(),
                        query.includeReferences() ? neighbours(s.candidate()) : List.of()))
                .toList();
        return new Results(results, stale);
    }

    private List<StoredChunk> neighbours(Candidate c) {
        int ordinal = c.chunk().ordinal();
        return index.chunksOf(c.indexKey(), c.chunk().documentId(), Math.max(0, ordinal - REFERENCE_RADIUS),
                        ordinal + REFERENCE_RADIUS).stream()
                .filter(n -> n.ordinal() != ordinal)
                .toList();
    }

    private record Scored(Candidate candidate, double score) {
    }
}
