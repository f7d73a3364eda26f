package io.olyx.bench.rag;

import io.olyx.adapter.search.OnnxEmbedder;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.TextChunk;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Document-embedding throughput of the ONNX embedder for several settings, on N SciFact abstracts (chunked as the
 * indexer does) or, with {@code --short}, on N short passages ({@link ShortPassages}). Prints wall-clock and process
 * CPU time, so a run on a busy machine still tells what two dedicated cores would do (CPU-seconds are what the
 * work costs; on a shared machine the wall clock also counts other people's processes).
 * Args: {@code [--short] [--n N] [--settings threads,parallel,batch,maxTokens,idleQueryThreads;...]}.
 */
public final class EmbedderThroughputBench {

    private EmbedderThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = 200;
        boolean shortPassages = false;
        String grid = "1,2,1,512,1;1,2,8,512,2;1,2,32,512,2;2,1,8,512,2";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--short" -> shortPassages = true;
                case "--n" -> n = Integer.parseInt(args[++i]);
                case "--settings" -> grid = args[++i];
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        SciFactData data = SciFactData.load(SciFactData.DEFAULT_DIR);
        List<String> texts = shortPassages ? ShortPassages.of(data).stream().limit(n).map(ShortPassages.Passage::text)
                .toList() : chunks(data, n);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SciFactBench.out("%d %s (%d texts, %.0f chars each on average), %d cores, load average %.1f", n,
                shortPassages ? "short passages" : "abstracts", texts.size(),
                texts.stream().mapToInt(String::length).average().orElse(0),
                Runtime.getRuntime().availableProcessors(), os.getSystemLoadAverage());
        for (String setting : grid.split(";")) {
            String[] s = setting.split(",");
            OnnxEmbedder.Settings settings = new OnnxEmbedder.Settings(Integer.parseInt(s[0]),
                    Integer.parseInt(s[1]), Integer.parseInt(s[2]), Integer.parseInt(s[3]), Integer.parseInt(s[4]));
            try (OnnxEmbedder embedder = OnnxEmbedder.bundledBgeSmall(settings)) {
                embedder.embedDocuments(texts.subList(0, Math.min(64, texts.size())));
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                embedder.embedDocuments(texts);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                SciFactBench.out("%s: wall %.1f s = %.1f docs/s; cpu %.1f s = %.1f docs per cpu-second"
                                + " (x2 cores = %.1f docs/s); load average %.1f", settings, wall, n / wall, cpu,
                        n / cpu, 2 * n / cpu, os.getSystemLoadAverage());
                queryLatency(embedder, data);
            }
        }
    }

    /** The 300 SciFact queries, twice; the second pass is reported. */
    private static void queryLatency(OnnxEmbedder embedder, SciFactData data) {
        long[] nanos = new long[data.queries().size()];
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < nanos.length; i++) {
                long t = System.nanoTime();
                embedder.embedQuery(data.queries().get(i).text());
                nanos[i] = System.nanoTime() - t;
            }
        }
        SciFactBench.out("  query embedding: p50 %.1f ms, p99 %.1f ms", Metrics.percentile(nanos, 50),
                Metrics.percentile(nanos, 99));
    }

    private static List<String> chunks(SciFactData data, int n) {
        Chunker chunker = new Chunker(ChunkingPolicy.DEFAULT);
        List<String> chunks = new ArrayList<>();
        for (SciFactData.Doc d : data.corpus().subList(0, n)) {
            for (TextChunk c : chunker.split(d.title() + "\n" + d.text())) {
                chunks.add(c.text());
            }
        }
        return chunks;
    }
}
