package io.olyx.bench.rag;

import io.olyx.adapter.search.OnnxEmbedder;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.TextChunk;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Document-embedding throughput of the ONNX embedder for several thread/batch settings on the first N SciFact
 * abstracts (chunked as the indexer does). Prints wall-clock and process CPU time, so a run on a busy machine
 * still tells what two dedicated cores would do. Args: [N] (default 200).
 */
public final class EmbedderThroughputBench {

    private EmbedderThroughputBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        SciFactData data = SciFactData.load(Path.of("/work/shared/data/scifact"));
        Chunker chunker = new Chunker(ChunkingPolicy.DEFAULT);
        List<String> chunks = new ArrayList<>();
        for (SciFactData.Doc d : data.corpus().subList(0, n)) {
            for (TextChunk c : chunker.split(d.title() + "\n" + d.text())) {
                chunks.add(c.text());
            }
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        int[][] settings = args.length > 1 ? new int[][] {{1, 2, 1}, {2, 1, 1}} : new int[][] {{1, 2, 1}, {1, 2, 8}, {1, 2, 16}, {1, 2, 32}, {2, 1, 16}, {2, 1, 1}};
        for (int[] s : settings) {
            try (OnnxEmbedder embedder = OnnxEmbedder.bundledBgeSmall(new OnnxEmbedder.Settings(s[0], s[1], s[2], 512))) {
                embedder.embedDocuments(chunks.subList(0, 16));
                long cpu0 = os.getProcessCpuTime();
                long t0 = System.nanoTime();
                embedder.embedDocuments(chunks);
                double wall = (System.nanoTime() - t0) / 1e9;
                double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
                long[] q = new long[data.queries().size()];
                for (int pass = 0; pass < 2; pass++) {
                    for (int i = 0; i < q.length; i++) {
                        long t = System.nanoTime();
                        embedder.embedQuery(data.queries().get(i).text());
                        q[i] = System.nanoTime() - t;
                    }
                }
                SciFactBench.out("  query embedding p50 %.1f ms p99 %.1f ms", Metrics.percentile(q, 50),
                        Metrics.percentile(q, 99));
                SciFactBench.out("threads/session %d, parallel %d, batch %2d: %d docs (%d chunks) wall %.1f s = %.1f docs/s;"
                        + " cpu %.1f s = %.1f docs per cpu-second (x2 cores = %.1f docs/s)", s[0], s[1], s[2], n,
                        chunks.size(), wall, n / wall, cpu, n / cpu, 2 * n / cpu);
            }
        }
    }
}
