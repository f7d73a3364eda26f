package io.olyx.bench.rag;

import io.olyx.application.rag.Candidate;
import io.olyx.application.rag.CandidatePool;
import io.olyx.domain.rag.Fusion;
import io.olyx.domain.rag.LexicalFeatures;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.RelevanceSignals;
import io.olyx.domain.rag.Reranker;
import io.olyx.domain.rag.RerankerKind;
import io.olyx.domain.rag.ScoreNormalization;
import io.olyx.domain.rag.Terms;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Scores ranking methods over the retrieved candidate pools: all queries, the tuning half and the held-out half. */
final class Evaluation {

    record QueryPools(SciFactData.Query query, CandidatePool pool) {
    }

    /** A candidate's document and signals, computed once so rerankers can be scored quickly while tuning. */
    record Scored(String key, String documentId, RelevanceSignals signals) {
    }

    record Score(double ndcg10, double recall100) {
    }

    static final Predicate<QueryPools> ALL = q -> true;
    static final Predicate<QueryPools> TUNE = q -> Long.parseLong(q.query().id()) % 2 == 0;
    static final Predicate<QueryPools> HELD_OUT = TUNE.negate();

    private final SciFactData data;
    private final List<QueryPools> pools;
    private final List<List<Scored>> signals = new ArrayList<>();

    Evaluation(SciFactData data, List<QueryPools> pools) {
        this.data = data;
        this.pools = pools;
        for (QueryPools qp : pools) {
            List<String> queryTerms = Terms.of(qp.query().text());
            List<Scored> scored = new ArrayList<>();
            for (Candidate c : qp.pool().candidates().values()) {
                scored.add(new Scored(c.key(), c.chunk().documentId(), new RelevanceSignals(
                        Math.max(0, Math.min(1, c.lexical())), Math.max(-1, Math.min(1, c.cosine())),
                        LexicalFeatures.of(queryTerms, Terms.of(c.chunk().text())))));
            }
            scored.sort(Comparator.comparing(Scored::key));
            signals.add(scored);
        }
    }

    Score score(Function<CandidatePool, List<String>> ranker, Predicate<QueryPools> subset) {
        double ndcg = 0;
        double recall = 0;
        int n = 0;
        for (QueryPools qp : pools) {
            if (!subset.test(qp)) {
                continue;
            }
            List<String> docs = SciFactBench.documents(qp.pool(), ranker.apply(qp.pool()));
            Set<String> relevant = data.qrels().getOrDefault(qp.query().id(), Set.of());
            ndcg += Metrics.ndcg(docs, relevant, 10);
            recall += Metrics.recall(docs, relevant, 100);
            n++;
        }
        return new Score(ndcg / n, recall / n);
    }

    /** nDCG@10 of a reranker from the precomputed signals (order by score, ties by key, documents deduplicated). */
    double rerankerNdcg(Reranker reranker, Predicate<QueryPools> subset) {
        double ndcg = 0;
        int n = 0;
        for (int i = 0; i < pools.size(); i++) {
            QueryPools qp = pools.get(i);
            if (!subset.test(qp)) {
                continue;
            }
            List<Scored> ranked = new ArrayList<>(signals.get(i));
            ranked.sort(Comparator.comparingDouble((Scored s) -> reranker.score(s.signals())).reversed()
                    .thenComparing(Scored::key));
            Set<String> docs = new LinkedHashSet<>();
            for (Scored s : ranked) {
                docs.add(s.documentId());
                if (docs.size() == 10) {
                    break;
                }
            }
            ndcg += Metrics.ndcg(List.copyOf(docs), data.qrels().getOrDefault(qp.query().id(), Set.of()), 10);
            n++;
        }
        return ndcg / n;
    }

    void row(String name, Function<CandidatePool, List<String>> ranker) {
        Score all = score(ranker, ALL);
        Score tune = score(ranker, TUNE);
        Score held = score(ranker, HELD_OUT);
        SciFactBench.out("%-44s nDCG@10 %.4f  R@100 %.4f   | even-id half %.4f  odd-id half %.4f", name, all.ndcg10(),
                all.recall100(), tune.ndcg10(), held.ndcg10());
    }

    void report(RankingProfile profile) {
        SciFactBench.out("%n== quality (documents ranked by their best chunk) ==");
        row("BM25 only", pool -> SciFactBench.keys(pool.lexical()));
        row("vector only (bge-small-en-v1.5-q)", pool -> SciFactBench.keys(pool.vector()));
        row("fusion RRF k=60 (lists as retrieved)", SciFactBench.fused(new Fusion.ReciprocalRank(60, 0.5), false));
        row("fusion RRF k=60 (completed lists)", SciFactBench.fused(new Fusion.ReciprocalRank(60, 0.5), true));
        row("fusion min-max w=0.3 (as retrieved)", SciFactBench.fused(
                new Fusion.WeightedScore(0.3, new ScoreNormalization.PerQueryMinMax()), false));
        row("fusion min-max w=0.3 (completed)", SciFactBench.fused(
                new Fusion.WeightedScore(0.3, new ScoreNormalization.PerQueryMinMax()), true));
        row("fusion absolute w=0.3 floor=0.5 (completed)", SciFactBench.fused(
                new Fusion.WeightedScore(0.3, new ScoreNormalization.Absolute(0.5)), true));
        row("default profile fusion: " + describe(profile.fusion()), SciFactBench.fused(profile.fusion(),
                profile.fuseCompletedSignals()));
        for (RerankerKind kind : RerankerKind.values()) {
            row("reranker " + kind.wire() + " (default profile)", pool -> SciFactBench.rankedKeys(pool, profile, kind));
        }
    }

    /** What the final scores mean: among top-10 results, the share that is relevant per score band. */
    void calibration(RankingProfile profile, RerankerKind kind) {
        int[] total = new int[10];
        int[] relevant = new int[10];
        for (QueryPools qp : pools) {
            Set<String> rel = data.qrels().getOrDefault(qp.query().id(), Set.of());
            Set<String> seen = new LinkedHashSet<>();
            for (io.olyx.domain.rag.RankedChunk r : io.olyx.application.rag.Ranking.rank(qp.pool(), profile, kind)) {
                String doc = qp.pool().candidates().get(r.id()).chunk().documentId();
                if (!seen.add(doc)) {
                    continue;
                }
                int band = Math.min(9, (int) (r.score() * 10));
                total[band]++;
                if (rel.contains(doc)) {
                    relevant[band]++;
                }
                if (seen.size() == 10) {
                    break;
                }
            }
        }
        StringBuilder line = new StringBuilder();
        for (int b = 0; b < 10; b++) {
            if (total[b] > 0) {
                line.append(String.format(java.util.Locale.ROOT, " [%.1f,%.1f) %d%% of %d;", b / 10.0, (b + 1) / 10.0,
                        Math.round(100.0 * relevant[b] / total[b]), total[b]));
            }
        }
        SciFactBench.out("score bands, %s (relevant share of top-10 results):%s", kind.wire(), line);
    }

    static String describe(Fusion fusion) {
        return switch (fusion) {
            case Fusion.ReciprocalRank r -> "rrf k=" + r.k() + " w=" + r.lexicalWeight();
            case Fusion.WeightedScore w -> "weighted w=" + w.lexicalWeight() + " " + w.normalization();
        };
    }
}
