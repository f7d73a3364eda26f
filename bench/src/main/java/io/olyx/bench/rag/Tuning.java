package io.olyx.bench.rag;

import io.olyx.domain.rag.Fusion;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.Reranker;
import io.olyx.domain.rag.ScoreNormalization;
import java.util.SplittableRandom;

/**
 * Tunes the method's few parameters on the even-id queries only and reports the held-out odd-id half: fusion
 * weights and constants by grid, the lexical reranker's blend by grid, the smart reranker's weights by random
 * search on the simplex (fixed seed, so the run is repeatable).
 */
final class Tuning {

    private final Evaluation evaluation;

    Tuning(Evaluation evaluation) {
        this.evaluation = evaluation;
    }

    void run() {
        SciFactBench.out("%n== 2-fold tuning: tuned on even-id queries, reported on odd-id queries, and swapped ==");
        for (boolean swap : new boolean[] {false, true}) {
            SciFactBench.out("-- fold: tune on %s-id queries, held-out = %s-id --", swap ? "odd" : "even",
                    swap ? "even" : "odd");
            tune = swap ? Evaluation.HELD_OUT : Evaluation.TUNE;
            heldOut = swap ? Evaluation.TUNE : Evaluation.HELD_OUT;
            runFold();
        }
    }

    private java.util.function.Predicate<Evaluation.QueryPools> tune = Evaluation.TUNE;
    private java.util.function.Predicate<Evaluation.QueryPools> heldOut = Evaluation.HELD_OUT;

    private void runFold() {
        tuneRrf();
        tuneWeighted(new ScoreNormalization.PerQueryMinMax(), "min-max");
        double bestFloor = 0.5;
        double bestScore = -1;
        double bestW = 0;
        for (int fi = 3; fi <= 7; fi++) {
            for (int wi = 0; wi <= 20; wi++) {
                double floor = fi / 10.0;
                double w = wi / 20.0;
                double s = evaluation.rerankerNdcg(new Reranker.None(w, floor), tune);
                if (s > bestScore) {
                    bestScore = s;
                    bestW = w;
                    bestFloor = floor;
                }
            }
        }
        Reranker.None none = new Reranker.None(round(bestW), round(bestFloor));
        SciFactBench.out("absolute weighted (completed): best w=%.2f floor=%.2f  tune %.4f  held-out %.4f", bestW,
                bestFloor, bestScore, evaluation.rerankerNdcg(none, heldOut));
        tuneLexical(none);
        tuneSmart(none.cosineFloor());
    }

    private void tuneRrf() {
        double best = -1;
        String label = "";
        Fusion bestFusion = null;
        for (int k : new int[] {5, 10, 20, 40, 60, 100}) {
            for (int wi = 2; wi <= 8; wi++) {
                double w = wi / 10.0;
                Fusion f = new Fusion.ReciprocalRank(k, round(w));
                double s = evaluation.score(SciFactBench.fused(f, false), tune).ndcg10();
                if (s > best) {
                    best = s;
                    bestFusion = f;
                    label = "k=" + k + " w=" + round(w);
                }
            }
        }
        SciFactBench.out("rrf (as retrieved): best %s  tune %.4f  held-out %.4f", label, best,
                evaluation.score(SciFactBench.fused(bestFusion, false), heldOut).ndcg10());
    }

    private void tuneWeighted(ScoreNormalization normalization, String name) {
        double best = -1;
        Fusion bestFusion = null;
        for (boolean completed : new boolean[] {false, true}) {
            for (int wi = 0; wi <= 20; wi++) {
                double w = wi / 20.0;
                Fusion f = new Fusion.WeightedScore(round(w), normalization);
                double s = evaluation.score(SciFactBench.fused(f, completed), tune).ndcg10();
                if (s > best) {
                    best = s;
                    bestFusion = f;
                }
            }
            SciFactBench.out("%s completed=%s: best %s  tune %.4f  held-out %.4f", name, completed,
                    Evaluation.describe(bestFusion), best,
                    evaluation.score(SciFactBench.fused(bestFusion, completed), heldOut).ndcg10());
            best = -1;
        }
    }

    private void tuneLexical(Reranker.None base) {
        double best = -1;
        Reranker.Lexical bestReranker = null;
        for (int fi = 0; fi <= 10; fi++) {
            for (int ci = 0; ci <= 4; ci++) {
                for (int pi = 0; pi <= 4 - ci; pi++) {
                    Reranker.Lexical r = new Reranker.Lexical(base, fi / 20.0, ci / 4.0, pi / 4.0, (4 - ci - pi) / 4.0);
                    double s = evaluation.rerankerNdcg(r, tune);
                    if (s > best) {
                        best = s;
                        bestReranker = r;
                    }
                }
            }
        }
        SciFactBench.out("lexical reranker: best %s  tune %.4f  held-out %.4f", bestReranker, best,
                evaluation.rerankerNdcg(bestReranker, heldOut));
    }

    private void tuneSmart(double floor) {
        SplittableRandom random = new SplittableRandom(42);
        Reranker.Smart best = RankingProfile.DEFAULT.smart();
        double bestScore = evaluation.rerankerNdcg(best, tune);
        for (int i = 0; i < 1500; i++) {
            double[] w = new double[6];
            double sum = 0;
            for (int j = 0; j < w.length; j++) {
                w[j] = -Math.log(1 - random.nextDouble()) * (j < 2 ? 3 : 1);
                sum += w[j];
            }
            double[] r = new double[6];
            double acc = 0;
            for (int j = 0; j < 5; j++) {
                r[j] = Math.round(w[j] / sum * 1000) / 1000.0;
                acc += r[j];
            }
            r[5] = Math.max(0, 1 - acc);
            if (acc > 1) {
                continue;
            }
            double fl = i % 3 == 0 ? floor : round(0.3 + 0.1 * random.nextInt(5));
            Reranker.Smart candidate = new Reranker.Smart(r[0], r[1], r[2], r[3], r[4], r[5], fl);
            double s = evaluation.rerankerNdcg(candidate, tune);
            if (s > bestScore) {
                bestScore = s;
                best = candidate;
            }
        }
        SciFactBench.out("smart reranker: best %s  tune %.4f  held-out %.4f", best, bestScore,
                evaluation.rerankerNdcg(best, heldOut));
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
