package io.olyx.bench.rag;

import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.application.port.ChunkHit;
import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.StoredChunk;
import io.olyx.bench.ScratchDir;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.TextChunk;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * BM25 alone through the real Lucene adapter, once per analyzer, on the same chunks (every vector is the same
 * one-dimensional constant: only the lexical side is measured). Main args: [chunkMax,overlap] [scifact dir].
 */
public final class AnalyzerComparison {

    private AnalyzerComparison() {
    }

    public static void main(String[] args) throws Exception {
        ChunkingPolicy policy = ChunkingPolicy.DEFAULT;
        if (args.length > 0) {
            String[] p = args[0].split(",");
            policy = new ChunkingPolicy(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
        }
        SciFactData data = SciFactData.load(args.length > 1 ? Path.of(args[1]) : SciFactData.DEFAULT_DIR);
        EmbeddingModelSpec spec = new EmbeddingModelSpec("constant-vector", 1);
        for (LuceneSearchIndex.Analysis analysis : LuceneSearchIndex.Analysis.values()) {
            for (float[] bm25 : new float[][] {{0.9f, 0.4f}, {1.2f, 0.75f}}) {
                Path dir = ScratchDir.create("olyx-analyzers");
                try (LuceneSearchIndex index = LuceneSearchIndex.open(dir,
                        new LuceneSearchIndex.Options(analysis, bm25[0], bm25[1]))) {
                    List<ChunkToIndex> chunks = new ArrayList<>();
                    Chunker chunker = new Chunker(policy);
                    for (SciFactData.Doc d : data.corpus()) {
                        for (TextChunk c : chunker.split(d.title() + "\n" + d.text())) {
                            chunks.add(new ChunkToIndex(new StoredChunk(d.id() + "#" + c.ordinal(), d.id(), d.title(),
                                    c.ordinal(), c.start(), c.end(), c.text(), DocumentMetadata.EMPTY), new float[] {1}));
                        }
                    }
                    index.upsert("a", spec, chunks);
                    double ndcg = 0;
                    double recall = 0;
                    for (SciFactData.Query q : data.queries()) {
                        Set<String> docs = new LinkedHashSet<>();
                        for (ChunkHit h : index.lexicalTopK("a", q.text(), 100)) {
                            docs.add(h.chunk().documentId());
                        }
                        Set<String> rel = data.qrels().getOrDefault(q.id(), Set.of());
                        ndcg += Metrics.ndcg(List.copyOf(docs), rel, 10);
                        recall += Metrics.recall(List.copyOf(docs), rel, 100);
                    }
                    int n = data.queries().size();
                    SciFactBench.out("BM25 %-8s k1=%.1f b=%.2f chunks %s: nDCG@10 %.4f  R@100 %.4f", analysis, bm25[0],
                            bm25[1], policy.maxChars() + "/" + policy.overlapChars(), ndcg / n, recall / n);
                }
            }
        }
    }
}
