package io.olyx.bench.rag;

import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.adapter.search.OnnxEmbedder;
import io.olyx.application.rag.Candidate;
import io.olyx.application.rag.CandidatePool;
import io.olyx.application.rag.HybridSearch;
import io.olyx.application.rag.IndexDocuments;
import io.olyx.application.rag.Ranking;
import io.olyx.application.rag.Retrieval;
import io.olyx.bench.ScratchDir;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.Fusion;
import io.olyx.domain.rag.RankedChunk;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.RerankerKind;
import io.olyx.domain.rag.RetrievalHit;
import io.olyx.domain.rag.ScoreNormalization;
import io.olyx.domain.rag.SourceDocument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * SciFact quality and speed harness: indexes the 5,183 abstracts (title + text) through IndexDocuments into
 * a real Lucene index with the real ONNX embedder, runs the 300 test queries and prints nDCG@10 and
 * recall@100 for BM25 only, vector only, each fusion and each reranker, then indexing throughput and query
 * latency. Parameters that were tuned are tuned on the queries with an even id and reported on the odd ones
 * (and on all). Build {@code mvn -Pbench -DskipTests -pl bench -am package}, then run {@code java
 * --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -cp bench/target/olyx-bench.jar
 * io.olyx.bench.rag.SciFactBench [--data DIR] [--index DIR] [--reuse] [--analyzer english|standard]
 * [--chunk MAX,OVERLAP] [--tune]} ({@code --reuse} skips indexing when {@code --index} already holds the corpus).
 * Indexing the corpus takes about 14 minutes on two cores: the embedder is the bottleneck.
 */
public final class SciFactBench {

    private static final String KEY = "bench/scifact";

    private SciFactBench() {
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        SciFactData data = SciFactData.load(a.data());
        out("SciFact: %d documents, %d queries, analyzer %s, chunks %s", data.corpus().size(), data.queries().size(),
                a.analysis(), a.policy());
        LuceneSearchIndex.Options options = new LuceneSearchIndex.Options(a.analysis(), 0.9f, 0.4f);
        try (OnnxEmbedder embedder = OnnxEmbedder.bundledBgeSmall();
             LuceneSearchIndex index = LuceneSearchIndex.open(a.index(), options)) {
            if (!(a.reuse() && index.count(KEY) > 0)) {
                indexCorpus(data, index, embedder, a.policy());
            }
            List<Evaluation.QueryPools> pools = retrieveAll(data, index, embedder);
            Evaluation evaluation = new Evaluation(data, pools);
            evaluation.report(RankingProfile.DEFAULT);
            for (RerankerKind kind : RerankerKind.values()) {
                evaluation.calibration(RankingProfile.DEFAULT, kind);
            }
            if (a.tune()) {
                new Tuning(evaluation).run();
            }
            measureQueryEmbedding(data, embedder);
            measureStages(data, index, embedder, KEY);
            measureLatency(data, new HybridSearch(index, embedder, RankingProfile.DEFAULT), KEY);
        }
    }

    private static void indexCorpus(SciFactData data, LuceneSearchIndex index, OnnxEmbedder embedder,
                                    ChunkingPolicy policy) {
        index.reset(KEY);
        IndexDocuments indexing = new IndexDocuments(index, embedder, new Chunker(policy), 256);
        List<SourceDocument> docs = data.corpus().stream()
                .map(d -> new SourceDocument(d.id(), d.title(), d.title() + "\n" + d.text(), DocumentMetadata.EMPTY))
                .toList();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        int chunks = 0;
        for (int from = 0; from < docs.size(); from += 512) {
            IndexDocuments.Result r = indexing.index(KEY, docs.subList(from, Math.min(docs.size(), from + 512)));
            chunks += ((IndexDocuments.Result.Indexed) r).chunks();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        out("indexing: %d docs, %d chunks in %.1f s = %.1f docs/s (%.1f chunks/s), chunk+embed+write, %d cores;"
                + " process CPU %.0f s = %.1f docs per CPU-second, load average at end %.1f",
                docs.size(), chunks, seconds, docs.size() / seconds, chunks / seconds,
                Runtime.getRuntime().availableProcessors(), cpu, docs.size() / cpu, os.getSystemLoadAverage());
    }

    private static List<Evaluation.QueryPools> retrieveAll(SciFactData data, LuceneSearchIndex index,
                                                           OnnxEmbedder embedder) {
        Retrieval retrieval = new Retrieval(index);
        List<Evaluation.QueryPools> pools = new ArrayList<>();
        for (SciFactData.Query q : data.queries()) {
            float[] vector = embedder.embedQuery(q.text());
            CandidatePool pool = retrieval.retrieve(List.of(KEY), Set.of(KEY), q.text(), vector,
                    RankingProfile.DEFAULT.candidatesPerRetriever());
            pools.add(new Evaluation.QueryPools(q, pool));
        }
        return pools;
    }

    static void measureQueryEmbedding(SciFactData data, OnnxEmbedder embedder) {
        long[] nanos = new long[data.queries().size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < nanos.length; i++) {
                long t0 = System.nanoTime();
                embedder.embedQuery(data.queries().get(i).text());
                nanos[i] = System.nanoTime() - t0;
            }
        }
        out("%nlatency of the query embedding alone: p50 %.1f ms, p99 %.1f ms", Metrics.percentile(nanos, 50),
                Metrics.percentile(nanos, 99));
    }

    static void measureStages(SciFactData data, LuceneSearchIndex index, OnnxEmbedder embedder, String key) {
        Retrieval retrieval = new Retrieval(index);
        List<float[]> vectors = data.queries().stream().map(q -> embedder.embedQuery(q.text())).toList();
        int n = data.queries().size();
        long[] lexical = new long[n];
        long[] knn = new long[n];
        long[] retrieve = new long[n];
        long[] rank = new long[n];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < n; i++) {
                String q = data.queries().get(i).text();
                long t0 = System.nanoTime();
                index.lexicalTopK(key, q, 100);
                long t1 = System.nanoTime();
                index.vectorTopK(key, vectors.get(i), 100);
                long t2 = System.nanoTime();
                CandidatePool pool = retrieval.retrieve(List.of(key), Set.of(key), q, vectors.get(i), 100);
                long t3 = System.nanoTime();
                Ranking.rank(pool, RankingProfile.DEFAULT, RerankerKind.SMART);
                long t4 = System.nanoTime();
                lexical[i] = t1 - t0;
                knn[i] = t2 - t1;
                retrieve[i] = t3 - t2;
                rank[i] = t4 - t3;
            }
        }
        out("stages p50/p99 ms: BM25 top-100 %.1f/%.1f, kNN top-100 %.1f/%.1f, full retrieval with completion %.1f/%.1f,"
                + " smart ranking %.1f/%.1f", Metrics.percentile(lexical, 50), Metrics.percentile(lexical, 99),
                Metrics.percentile(knn, 50), Metrics.percentile(knn, 99), Metrics.percentile(retrieve, 50),
                Metrics.percentile(retrieve, 99), Metrics.percentile(rank, 50), Metrics.percentile(rank, 99));
    }

    static void measureLatency(SciFactData data, HybridSearch search, String key) {
        for (RerankerKind kind : RerankerKind.values()) {
            long[] nanos = new long[data.queries().size()];
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < nanos.length; i++) {
                    HybridSearch.Query q = new HybridSearch.Query(List.of(key), List.of(data.queries().get(i).text()),
                            10, 0, kind, false);
                    long t0 = System.nanoTime();
                    search.search(q);
                    nanos[i] = System.nanoTime() - t0;
                }
            }
            out("latency %-8s (embed query + BM25 + kNN + completion + fuse + rerank, top 10): p50 %.1f ms, p99 %.1f ms",
                    kind.wire(), Metrics.percentile(nanos, 50), Metrics.percentile(nanos, 99));
        }
    }

    static void out(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    /** Document ranking from a chunk ranking: each document at the position of its best chunk. */
    static List<String> documents(CandidatePool pool, List<String> keys) {
        Set<String> docs = new LinkedHashSet<>();
        for (String key : keys) {
            docs.add(pool.candidates().get(key).chunk().documentId());
        }
        return List.copyOf(docs);
    }

    static List<String> keys(List<RetrievalHit> hits) {
        return hits.stream().map(RetrievalHit::id).toList();
    }

    static List<String> rankedKeys(CandidatePool pool, RankingProfile profile, RerankerKind kind) {
        return Ranking.rank(pool, profile, kind).stream().map(RankedChunk::id).toList();
    }

    static Function<CandidatePool, List<String>> fused(Fusion fusion, boolean completed) {
        RankingProfile p = RankingProfile.DEFAULT.withFusion(fusion, completed);
        return pool -> rankedKeys(pool, p, RerankerKind.NONE);
    }

    static Map<String, Fusion> fusions(double weight, double floor) {
        return Map.of(
                "rrf k=60", new Fusion.ReciprocalRank(60, 0.5),
                "minmax w=" + weight, new Fusion.WeightedScore(weight, new ScoreNormalization.PerQueryMinMax()),
                "absolute w=" + weight, new Fusion.WeightedScore(weight, new ScoreNormalization.Absolute(floor)));
    }

    static Candidate candidate(CandidatePool pool, String key) {
        return pool.candidates().get(key);
    }

    record Args(Path data, Path index, boolean reuse, boolean tune, LuceneSearchIndex.Analysis analysis,
                ChunkingPolicy policy) {
        static Args parse(String[] args) throws Exception {
            Path data = SciFactData.DEFAULT_DIR;
            Path index = null;
            boolean reuse = false;
            boolean tune = false;
            LuceneSearchIndex.Analysis analysis = LuceneSearchIndex.Analysis.ENGLISH;
            ChunkingPolicy policy = ChunkingPolicy.DEFAULT;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--data" -> data = Path.of(args[++i]);
                    case "--index" -> index = Path.of(args[++i]);
                    case "--reuse" -> reuse = true;
                    case "--tune" -> tune = true;
                    case "--analyzer" -> analysis = LuceneSearchIndex.Analysis.valueOf(args[++i].toUpperCase(Locale.ROOT));
                    case "--chunk" -> {
                        String[] p = args[++i].split(",");
                        policy = new ChunkingPolicy(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
                    }
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            if (index == null) {
                index = ScratchDir.create("olyx-scifact");
            }
            return new Args(data, index, reuse, tune, analysis, policy);
        }
    }
}
