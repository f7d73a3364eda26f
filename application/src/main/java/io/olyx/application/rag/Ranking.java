package io.olyx.application.rag;

import io.olyx.domain.rag.FusedCandidate;
import io.olyx.domain.rag.LexicalFeatures;
import io.olyx.domain.rag.QueryTerms;
import io.olyx.domain.rag.RankedChunk;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.RelevanceSignals;
import io.olyx.domain.rag.RerankCandidate;
import io.olyx.domain.rag.Reranker;
import io.olyx.domain.rag.RerankerKind;
import io.olyx.domain.rag.Reranking;
import io.olyx.domain.rag.RetrievalHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The second stage of hybrid search: fuse a candidate pool, then rerank it into scored results. */
public final class Ranking {

    private Ranking() {
    }

    /** Every candidate of the pool, best first, scored 0..1 by the chosen reranker. */
    public static List<RankedChunk> rank(CandidatePool pool, RankingProfile profile, RerankerKind kind) {
        int all = pool.candidates().size();
        List<FusedCandidate> fused = profile.fuseCompletedSignals()
                ? profile.fusion().fuse(completedLexical(pool), completedVector(pool), all)
                : profile.fusion().fuse(pool.lexical(), pool.vector(), all);
        Reranker reranker = profile.reranker(kind);
        QueryTerms queryTerms = QueryTerms.of(reranker instanceof Reranker.None ? "" : pool.query());
        List<RerankCandidate> candidates = new ArrayList<>(fused.size());
        for (FusedCandidate f : fused) {
            Candidate c = pool.candidates().get(f.id());
            LexicalFeatures features = LexicalFeatures.of(queryTerms, c.chunk().text());
            candidates.add(new RerankCandidate(f.id(), new RelevanceSignals(clampUnit(c.lexical()),
                    Math.max(-1, Math.min(1, c.cosine())), features)));
        }
        return Reranking.rank(reranker, candidates);
    }

    private static List<RetrievalHit> completedLexical(CandidatePool pool) {
        return sorted(pool.candidates().values().stream().filter(c -> c.lexical() > 0)
                .map(c -> new RetrievalHit(c.key(), c.lexical())).toList());
    }

    private static List<RetrievalHit> completedVector(CandidatePool pool) {
        return sorted(pool.candidates().values().stream().filter(c -> c.cosine() > -1)
                .map(c -> new RetrievalHit(c.key(), c.cosine())).toList());
    }

    private static List<RetrievalHit> sorted(List<RetrievalHit> hits) {
        List<RetrievalHit> out = new ArrayList<>(hits);
        out.sort(Comparator.comparingDouble(RetrievalHit::score).reversed().thenComparing(RetrievalHit::id));
        return out;
    }

    private static double clampUnit(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
