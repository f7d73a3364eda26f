package io.olyx.bench.rag;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Binary-relevance nDCG@k and recall@k over document rankings, and latency percentiles. */
final class Metrics {

    private Metrics() {
    }

    static double ndcg(List<String> ranking, Set<String> relevant, int k) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (relevant.contains(ranking.get(i))) {
                dcg += 1 / log2(i + 2);
            }
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevant.size()); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    static double recall(List<String> ranking, Set<String> relevant, int k) {
        long found = ranking.stream().limit(k).filter(relevant::contains).count();
        return relevant.isEmpty() ? 0 : (double) found / relevant.size();
    }

    static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
