package io.olyx.application.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.rag.Chunker;
import io.olyx.domain.rag.ChunkingPolicy;
import io.olyx.domain.rag.DocumentMetadata;
import io.olyx.domain.rag.RankingProfile;
import io.olyx.domain.rag.RerankerKind;
import io.olyx.domain.rag.SourceDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridSearchTest {

    private final InMemorySearchIndex index = new InMemorySearchIndex();
    private final HashingEmbedder embedder = new HashingEmbedder("hash-64");
    private final IndexDocuments indexing = new IndexDocuments(index, embedder, new Chunker(new ChunkingPolicy(60, 10)), 4);
    private final HybridSearch search = new HybridSearch(index, embedder, RankingProfile.DEFAULT);

    private static SourceDocument doc(String id, String text) {
        return new SourceDocument(id, id + ".txt", text, new DocumentMetadata("{\"source\":\"" + id + "\"}"));
    }

    private HybridSearch.Query query(String term, int top, double minScore, RerankerKind reranker, boolean refs) {
        return new HybridSearch.Query(List.of("p/c1"), List.of(term), top, minScore, reranker, refs);
    }

    @Test
    void findsTheDocumentThatMatchesTheQueryWithEveryReranker() {
        indexing.index("p/c1", List.of(
                doc("paris", "Paris is the capital and largest city of France."),
                doc("tokyo", "Tokyo is the capital of Japan and a huge metropolis."),
                doc("bread", "Sourdough bread needs a starter culture and a long fermentation.")));
        for (RerankerKind kind : RerankerKind.values()) {
            List<HybridSearch.Result> results = search.search(query("capital of France", 3, 0, kind, false)).results();
            assertThat(results.getFirst().chunk().documentId()).as(kind.name()).isEqualTo("paris");
            assertThat(results.getFirst().chunk().metadata().json()).isEqualTo("{\"source\":\"paris\"}");
            assertThat(results).extracting(HybridSearch.Result::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
            assertThat(results).allSatisfy(r -> assertThat(r.score()).isBetween(0.0, 1.0));
        }
    }

    @Test
    void minScoreDropsWeakResultsAndTopLimitsTheCount() {
        indexing.index("p/c1", List.of(doc("a", "apples and pears"), doc("b", "apples"), doc("c", "granite rocks")));
        List<HybridSearch.Result> all = search.search(query("apples pears", 10, 0, RerankerKind.NONE, false)).results();
        assertThat(all).hasSizeGreaterThanOrEqualTo(2);
        double threshold = all.get(0).score() - 1e-9;
        assertThat(search.search(query("apples pears", 10, threshold, RerankerKind.NONE, false)).results())
                .extracting(r -> r.chunk().documentId()).containsExactly("a");
        assertThat(search.search(query("apples pears", 1, 0, RerankerKind.NONE, false)).results()).hasSize(1);
    }

    @Test
    void reindexingADocumentReplacesItsChunksInsteadOfAddingMore() {
        String longText = "First sentence about rivers. ".repeat(8);
        indexing.index("p/c1", List.of(doc("d", longText)));
        long before = index.count("p/c1");
        assertThat(before).isGreaterThan(1);
        indexing.index("p/c1", List.of(doc("d", longText)));
        assertThat(index.count("p/c1")).isEqualTo(before);
        indexing.index("p/c1", List.of(doc("d", "Now a short text.")));
        assertThat(index.count("p/c1")).isEqualTo(1);
    }

    @Test
    void referencesAreTheNeighbouringChunksOfTheSameDocument() {
        String text = "Alpha section talks about glaciers melting. Beta section covers volcanic islands forming. "
                + "Gamma section describes coral reefs bleaching. Delta section is about desert dunes moving.";
        indexing.index("p/c1", List.of(doc("geo", text)));
        HybridSearch.Result hit = search.search(query("coral reefs bleaching", 1, 0, RerankerKind.SMART, true))
                .results().getFirst();
        assertThat(hit.references()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.documentId()).isEqualTo("geo");
            assertThat(Math.abs(r.ordinal() - hit.chunk().ordinal())).isEqualTo(1);
        });
        assertThat(search.search(query("coral reefs bleaching", 1, 0, RerankerKind.SMART, false))
                .results().getFirst().references()).isEmpty();
    }

    @Test
    void searchesSeveralIndexesAndSeveralTerms() {
        indexing.index("p/c1", List.of(doc("x", "quantum computing with qubits")));
        indexing.index("p/c2", List.of(doc("y", "medieval castle architecture")));
        List<HybridSearch.Result> results = search.search(new HybridSearch.Query(List.of("p/c1", "p/c2"),
                List.of("qubits", "castle"), 5, 0, RerankerKind.LEXICAL, false)).results();
        assertThat(results).extracting(HybridSearch.Result::indexKey).contains("p/c1", "p/c2");
    }

    @Test
    void anIndexBuiltWithAnotherModelIsReportedAndSearchedLexically() {
        IndexDocuments otherModel = new IndexDocuments(index, new HashingEmbedder("old-model"),
                new Chunker(ChunkingPolicy.DEFAULT), 8);
        otherModel.index("p/old", List.of(doc("o", "lighthouse keepers log")));
        assertThat(indexing.index("p/old", List.of(doc("n", "new text"))))
                .isInstanceOf(IndexDocuments.Result.EmbeddingModelMismatch.class);
        assertThat(indexing.needsReembedding("p/old")).isTrue();
        HybridSearch.Results results = search.search(new HybridSearch.Query(List.of("p/old"), List.of("lighthouse"),
                5, 0, RerankerKind.NONE, false));
        assertThat(results.indexesNeedingReembedding()).containsExactly("p/old");
        assertThat(results.results()).extracting(r -> r.chunk().documentId()).containsExactly("o");
        indexing.reset("p/old");
        assertThat(indexing.index("p/old", List.of(doc("n", "new text"))))
                .isEqualTo(new IndexDocuments.Result.Indexed(1, 1));
    }

    @Test
    void embedsInBatchesOfWholeDocuments() {
        indexing.index("p/c1", List.of(doc("1", "one"), doc("2", "two"), doc("3", "three"), doc("4", "four"),
                doc("5", "five")));
        assertThat(embedder.documentCalls).isEqualTo(2);
        assertThat(index.count("p/c1")).isEqualTo(5);
    }
}
