package io.olyx.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.rag.HybridSearch;
import io.olyx.application.rag.IndexDocuments;
import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.RerankerKind;
import io.olyx.domain.rag.SourceDocument;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The use cases over the real adapters: Lucene on disk and the bundled ONNX model. */
class LuceneOnnxHybridSearchTest {

    private static final String KEY = "p1/c1";

    @TempDir
    static Path root;

    private static OnnxEmbedder embedder;
    private static LuceneSearchIndex index;
    private static HybridSearch search;

    @BeforeAll
    static void indexASmallCollection() {
        embedder = OnnxEmbedder.bundledBgeSmall();
        index = LuceneSearchIndex.open(root);
        search = new HybridSearch(index, embedder, RankingProfile.DEFAULT);
        IndexDocuments indexing = new IndexDocuments(index, embedder, new Chunker(new ChunkingPolicy(200, 40)), 8);
        IndexDocuments.Result result = indexing.index(KEY, List.of(
                doc("heart", "Regular aerobic exercise lowers resting blood pressure and the risk of heart attacks. "
                        + "Walking thirty minutes a day already helps. Cardiologists recommend it to most adults. "
                        + "Swimming and cycling count as well, and so does climbing stairs at work."),
                doc("bread", "Sourdough bread rises thanks to wild yeast and lactic acid bacteria in the starter."),
                doc("mars", "Mars has the largest volcano in the solar system, Olympus Mons."),
                doc("tax", "Quarterly tax filings are due at the end of the month after the quarter closes.")));
        assertThat(result).isInstanceOf(IndexDocuments.Result.Indexed.class);
    }

    @AfterAll
    static void closeAll() {
        index.close();
        embedder.close();
    }

    private static SourceDocument doc(String id, String text) {
        return new SourceDocument(id, id + ".txt", text, new DocumentMetadata("{\"topic\":\"" + id + "\"}"));
    }

    @Test
    void aParaphrasedQuestionFindsTheRightDocumentWithEveryReranker() {
        for (RerankerKind kind : RerankerKind.values()) {
            List<HybridSearch.Result> results = search.search(new HybridSearch.Query(List.of(KEY),
                    List.of("does working out reduce hypertension?"), 3, 0, kind, false)).results();
            assertThat(results.getFirst().chunk().documentId()).as(kind.name()).isEqualTo("heart");
        }
    }

    @Test
    void scoresSeparateRelevantFromUnrelatedSoMinScoreFilters() {
        List<HybridSearch.Result> all = search.search(new HybridSearch.Query(List.of(KEY),
                List.of("which planet has the biggest volcano"), 10, 0, RerankerKind.SMART, false)).results();
        assertThat(all.getFirst().chunk().documentId()).isEqualTo("mars");
        double best = all.getFirst().score();
        double worst = all.getLast().score();
        assertThat(best).isGreaterThan(worst + 0.2);
        List<HybridSearch.Result> strong = search.search(new HybridSearch.Query(List.of(KEY),
                List.of("which planet has the biggest volcano"), 10, (best + worst) / 2, RerankerKind.SMART, false))
                .results();
        assertThat(strong).extracting(r -> r.chunk().documentId()).containsExactly("mars");
    }

    @Test
    void referencesCarryTheNeighbouringChunks() {
        HybridSearch.Result hit = search.search(new HybridSearch.Query(List.of(KEY),
                List.of("cardiologists recommend walking"), 1, 0, RerankerKind.NONE, true)).results().getFirst();
        assertThat(hit.chunk().documentId()).isEqualTo("heart");
        assertThat(index.chunksOf(KEY, "heart", 0, 10)).hasSizeGreaterThan(1);
        assertThat(hit.references()).isNotEmpty()
                .allSatisfy(r -> assertThat(Math.abs(r.ordinal() - hit.chunk().ordinal())).isEqualTo(1));
    }
}
