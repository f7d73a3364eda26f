package io.olyx.bench.rag;

import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.adapter.search.OnnxEmbedder;
import io.olyx.application.rag.HybridSearch;
import io.olyx.application.rag.IndexDocuments;
import io.olyx.bench.ScratchDir;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.SourceDocument;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a query's time goes on a 5k-document collection, without the HTTP server: indexes the SciFact short
 * passages through IndexDocuments into a fresh Lucene index with the real embedder (in writes of 64 documents,
 * as the indexing jobs do), then times query embedding, BM25 and kNN top-100, the full retrieval with score
 * completion, ranking, and the whole hybrid search per reranker (the 300 SciFact queries, second pass).
 * Args: {@code [--index DIR]}; {@code -Dolyx.idleQueryThreads=N} overrides the threads of a query alone.
 */
public final class QueryStagesBench {
    private static final String KEY = "bench/short";

    private QueryStagesBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = args.length == 2 && args[0].equals("--index") ? Path.of(args[1])
                : ScratchDir.create("olyx-query-stages");
        SciFactData data = SciFactData.load(SciFactData.DEFAULT_DIR);
        OnnxEmbedder.Settings defaults = OnnxEmbedder.Settings.forCores(Runtime.getRuntime().availableProcessors());
        try (OnnxEmbedder embedder = OnnxEmbedder.bundledBgeSmall(new OnnxEmbedder.Settings(defaults.sessionThreads(),
                defaults.parallelBatches(), defaults.batchSize(), defaults.maxTokens(),
                Integer.getInteger("olyx.idleQueryThreads", defaults.idleQueryThreads())));
             LuceneSearchIndex index = LuceneSearchIndex.open(dir)) {
            if (index.count(KEY) == 0) {
                IndexDocuments indexing = new IndexDocuments(index, embedder, new Chunker(ChunkingPolicy.DEFAULT), 64);
                List<SourceDocument> docs = ShortPassages.of(data).stream()
                        .map(p -> new SourceDocument(p.id(), p.id(), p.text(), DocumentMetadata.EMPTY)).toList();
                indexing.index(KEY, docs);
            }
            SciFactBench.out("%d chunks in %s", index.count(KEY), dir);
            SciFactBench.measureQueryEmbedding(data, embedder);
            SciFactBench.measureStages(data, index, embedder, KEY);
            SciFactBench.measureLatency(data, new HybridSearch(index, embedder, RankingProfile.DEFAULT), KEY);
        }
    }
}
