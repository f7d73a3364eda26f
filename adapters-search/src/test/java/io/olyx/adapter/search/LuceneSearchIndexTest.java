package io.olyx.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.application.port.ChunkHit;
import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.RetrievedChunk;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.DocumentMetadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneSearchIndexTest {

    private static final EmbeddingModelSpec SPEC = new EmbeddingModelSpec("test-model", 3);
    private static final String KEY = "project-1/collection-1";
    private static final Offset<Double> CLOSE = Offset.offset(1e-5);

    @TempDir
    Path root;

    private LuceneSearchIndex index;

    private LuceneSearchIndex open() {
        index = LuceneSearchIndex.open(root);
        return index;
    }

    @AfterEach
    void close() {
        if (index != null) {
            index.close();
        }
    }

    private static ChunkToIndex chunk(String doc, int ordinal, String text, float... vector) {
        double n = 0;
        for (float x : vector) {
            n += x * x;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / Math.sqrt(n));
        }
        return new ChunkToIndex(new StoredChunk(doc + "#" + ordinal, doc, doc + ".md", ordinal, ordinal * 10,
                ordinal * 10 + text.length(), text, new DocumentMetadata("{\"doc\":\"" + doc + "\"}")), unit);
    }

    private void seed() {
        open().upsert(KEY, SPEC, seedChunks());
    }

    private static List<ChunkToIndex> seedChunks() {
        return List.of(
                chunk("rivers", 0, "The Nile is the longest river in Africa.", 1, 0, 0),
                chunk("rivers", 1, "The Amazon carries more water than any other river.", 0.9f, 0.1f, 0),
                chunk("rivers", 2, "Rivers flow into seas and oceans.", 0.8f, 0.2f, 0),
                chunk("space", 0, "Jupiter is the largest planet of the solar system.", 0, 1, 0),
                chunk("food", 0, "Bread is baked from flour, water and yeast.", 0, 0, 1));
    }

    @Test
    void documentIdsComeInPagesInIdOrderWithoutDocumentsWhoseChunksWereDeleted() {
        seed();
        assertThat(index.documentIds(KEY, Optional.empty(), 10)).containsExactly("food", "rivers", "space");

        index.deleteDocument(KEY, "rivers");

        assertThat(index.documentIds(KEY, Optional.empty(), 1)).containsExactly("food");
        assertThat(index.documentIds(KEY, Optional.of("food"), 1)).as("after an id").containsExactly("space");
        assertThat(index.documentIds(KEY, Optional.of("g"), 5)).as("after a prefix").containsExactly("space");
        assertThat(index.documentIds(KEY, Optional.of("space"), 5)).isEmpty();
        assertThat(index.documentIds("project-1/never-written", Optional.empty(), 5)).isEmpty();
    }

    @Test
    void lexicalSearchRanksByBm25WithScoresBetweenZeroAndOne() {
        seed();
        List<ChunkHit> hits = index.lexicalTopK(KEY, "longest rivers in Africa", 10);
        assertThat(hits.getFirst().chunk().chunkId()).isEqualTo("rivers#0");
        assertThat(hits).allSatisfy(h -> assertThat(h.score()).isBetween(0.0, 1.0));
        assertThat(hits).extracting(h -> h.chunk().documentId()).doesNotContain("space");
        assertThat(index.lexicalTopK(KEY, "", 10)).isEmpty();
        assertThat(index.lexicalTopK(KEY, "AND OR ( \" *", 10)).isEmpty();
    }

    @Test
    void stemmingMatchesOtherFormsOfAWord() {
        seed();
        assertThat(index.lexicalTopK(KEY, "planets", 10)).extracting(h -> h.chunk().chunkId())
                .containsExactly("space#0");
    }

    @Test
    void vectorSearchReturnsCosinesInOrder() {
        seed();
        // every chunk but food#0 is orthogonal to the query: the tie goes to the smallest id
        List<ChunkHit> hits = index.vectorTopK(KEY, new float[] {0, 0, 1}, 2);
        assertThat(hits).extracting(h -> h.chunk().chunkId()).containsExactly("food#0", "rivers#0");
        assertThat(hits.getFirst().score()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    @Test
    void storedFieldsRoundTrip() {
        seed();
        StoredChunk c = index.lexicalTopK(KEY, "Jupiter", 1).getFirst().chunk();
        assertThat(c).isEqualTo(new StoredChunk("space#0", "space", "space.md", 0, 0,
                "Jupiter is the largest planet of the solar system.".length(),
                "Jupiter is the largest planet of the solar system.", new DocumentMetadata("{\"doc\":\"space\"}")));
    }

    @Test
    void hybridRetrievalGivesEveryChunkEitherListFoundBothScores() {
        seed();
        // lexically rivers#1 leads (both terms); by vector food#0 does (cosine 0.8), which also holds "water"
        List<RetrievedChunk> found = index.hybridTopK(KEY, "Amazon water", new float[] {0, 0.6f, 0.8f}, 1);
        assertThat(found).extracting(r -> r.chunk().chunkId()).containsExactly("food#0", "rivers#1");
        Map<String, Double> bm25 = index.lexicalTopK(KEY, "Amazon water", 10).stream()
                .collect(Collectors.toMap(h -> h.chunk().chunkId(), ChunkHit::score));
        RetrievedChunk food = found.get(0);
        assertThat(food.foundByVector()).isTrue();
        assertThat(food.foundLexically()).isFalse();
        assertThat(food.cosine()).isCloseTo(0.8, CLOSE);
        assertThat(food.lexical()).isPositive().isCloseTo(bm25.get("food#0"), CLOSE);
        RetrievedChunk amazon = found.get(1);
        assertThat(amazon.foundLexically()).isTrue();
        assertThat(amazon.foundByVector()).isFalse();
        assertThat(amazon.lexical()).isEqualTo(bm25.get("rivers#1"));
        assertThat(amazon.cosine()).isCloseTo(0.6 * 0.1 / Math.sqrt(0.82), CLOSE);
    }

    @Test
    void hybridRetrievalWithoutAVectorIsLexicalOnly() {
        seed();
        assertThat(index.hybridTopK(KEY, "Amazon water", new float[0], 1)).singleElement().satisfies(r -> {
            assertThat(r.chunk().chunkId()).isEqualTo("rivers#1");
            assertThat(r.foundByVector()).isFalse();
            assertThat(r.cosine()).isEqualTo(-1.0);
        });
        assertThat(index.hybridTopK("project-1/never-written", "Amazon", new float[] {0, 0, 1}, 5)).isEmpty();
    }

    @Test
    void anIndexIdleLongEnoughIsMergedIntoOneSegmentAndSearchesAsBefore() {
        open();
        for (int i = 0; i < 4; i++) {
            index.upsert(KEY, SPEC, List.of(chunk("doc" + i, 0, "River number " + i + " flows to the sea.", 1, i, 0)));
        }
        List<ChunkHit> lexical = index.lexicalTopK(KEY, "river sea", 10);
        List<ChunkHit> vector = index.vectorTopK(KEY, new float[] {1, 2, 0}, 10);
        assertThat(index.segments(KEY)).isEqualTo(4);

        index.mergeIdle(Duration.ofHours(1));
        assertThat(index.segments(KEY)).as("written too recently to merge").isEqualTo(4);

        index.mergeIdle(Duration.ZERO);
        assertThat(index.segments(KEY)).isEqualTo(1);
        assertThat(index.lexicalTopK(KEY, "river sea", 10)).isEqualTo(lexical);
        assertThat(index.vectorTopK(KEY, new float[] {1, 2, 0}, 10)).isEqualTo(vector);
    }

    @Test
    void aSmallSegmentBesideAMergedIndexWaitsUntilItsSegmentsHoldATenthOfTheChunks() {
        open();
        List<ChunkToIndex> twenty = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add(chunk("doc" + i, 0, "Passage " + i + " about lakes.", 1, i, 0));
        }
        index.upsert(KEY, SPEC, twenty);
        index.upsert(KEY, SPEC, List.of(chunk("late", 0, "A late passage about lakes.", 0, 1, 0)));

        index.mergeIdle(Duration.ZERO);
        assertThat(index.segments(KEY)).as("1 chunk of 21 beside the large segment").isEqualTo(2);

        index.upsert(KEY, SPEC, List.of(chunk("later", 0, "Another passage about lakes.", 0, 1, 1)));
        index.mergeIdle(Duration.ZERO);
        assertThat(index.segments(KEY)).as("2 chunks of 22 are still under a tenth").isEqualTo(3);

        index.upsert(KEY, SPEC, List.of(chunk("last", 0, "A last passage about lakes.", 1, 1, 1)));
        index.mergeIdle(Duration.ZERO);
        assertThat(index.segments(KEY)).as("3 chunks of 23 are over a tenth").isEqualTo(1);
        assertThat(index.count(KEY)).isEqualTo(23);
    }

    @Test
    void upsertingTheSameChunkIdReplacesIt() {
        seed();
        index.upsert(KEY, SPEC, List.of(chunk("space", 0, "Saturn has rings.", 0, 1, 0)));
        assertThat(index.count(KEY)).isEqualTo(5);
        assertThat(index.lexicalTopK(KEY, "Jupiter", 10)).isEmpty();
        assertThat(index.lexicalTopK(KEY, "Saturn", 10)).hasSize(1);
    }

    @Test
    void replacingADocumentRemovesItsOldChunks() {
        seed();
        index.replaceDocuments(KEY, SPEC, List.of("rivers"), List.of(chunk("rivers", 0, "Only one chunk now.", 1, 0, 0)));
        assertThat(index.count(KEY)).isEqualTo(3);
        assertThat(index.chunksOf(KEY, "rivers", 0, 10)).extracting(StoredChunk::text).containsExactly("Only one chunk now.");
    }

    @Test
    void deletesByDocumentAndResets() {
        seed();
        assertThat(index.deleteDocument(KEY, "rivers")).isEqualTo(3);
        assertThat(index.count(KEY)).isEqualTo(2);
        assertThat(index.deleteDocument(KEY, "rivers")).isZero();
        index.reset(KEY);
        assertThat(index.count(KEY)).isZero();
        assertThat(index.embeddingSpec(KEY)).isEmpty();
        index.upsert(KEY, new EmbeddingModelSpec("other", 3), List.of(chunk("a", 0, "text", 1, 0, 0)));
        assertThat(index.embeddingSpec(KEY)).contains(new EmbeddingModelSpec("other", 3));
    }

    @Test
    void neighboursAreFetchedByOrdinalRange() {
        seed();
        assertThat(index.chunksOf(KEY, "rivers", 0, 1)).extracting(StoredChunk::ordinal).containsExactly(0, 1);
        assertThat(index.chunksOf(KEY, "rivers", 2, 5)).extracting(StoredChunk::ordinal).containsExactly(2);
        assertThat(index.chunksOf(KEY, "nope", 0, 5)).isEmpty();
    }

    @Test
    void documentsAndTheModelSurviveARestart() {
        seed();
        index.close();
        open();
        assertThat(index.count(KEY)).isEqualTo(5);
        assertThat(index.embeddingSpec(KEY)).contains(SPEC);
        assertThat(index.lexicalTopK(KEY, "Jupiter", 1)).hasSize(1);
        assertThat(index.vectorTopK(KEY, new float[] {0, 1, 0}, 1).getFirst().chunk().chunkId()).isEqualTo("space#0");
    }

    @Test
    void refusesVectorsOfAnotherModel() {
        seed();
        EmbeddingModelSpec other = new EmbeddingModelSpec("other-model", 3);
        assertThatThrownBy(() -> index.upsert(KEY, other, List.of(chunk("x", 0, "x", 1, 0, 0))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("test-model");
        assertThat(index.count(KEY)).isEqualTo(5);
        assertThatThrownBy(() -> index.upsert(KEY, SPEC, List.of(chunk("x", 0, "x", 1, 0, 0, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indexesAreIsolatedByKeyAndMissingOnesReadAsEmpty() {
        seed();
        assertThat(index.count("project-1/collection-2")).isZero();
        assertThat(index.lexicalTopK("project-1/collection-2", "river", 5)).isEmpty();
        assertThat(index.embeddingSpec("../../etc")).isEmpty();
        assertThat(root.toFile().list()).hasSize(1);
        index.drop(KEY);
        assertThat(index.count(KEY)).isZero();
        assertThat(root.toFile().list()).isEmpty();
    }

    /**
     * A query racing the deletion of its collection: searches running while the index is dropped either finish on
     * it or find it missing; none fails on a closed index or a half-deleted directory, and none re-creates it.
     */
    @Test
    void searchesRacingADropOfTheirIndexReadItAsMissingAndNeverFail() throws InterruptedException {
        open();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int round = 0; round < 40 && failures.isEmpty(); round++) {
            index.upsert(KEY, SPEC, seedChunks());
            AtomicBoolean dropped = new AtomicBoolean();
            CountDownLatch searching = new CountDownLatch(4);
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(Thread.ofPlatform().start(() -> {
                    try {
                        int afterDrop = 0;
                        while (afterDrop < 20) {
                            index.hybridTopK(KEY, "river", new float[] {1, 0, 0}, 5);
                            index.chunksOf(KEY, "rivers", 0, 2);
                            searching.countDown();
                            afterDrop += dropped.get() ? 1 : 0;
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                        searching.countDown();
                    }
                }));
            }
            searching.await();
            index.drop(KEY);
            dropped.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(root.toFile().list()).as("a dropped index is not brought back").isEmpty();
        }
        assertThat(failures).isEmpty();
        assertThat(index.hybridTopK(KEY, "river", new float[] {1, 0, 0}, 5)).isEmpty();
    }

    @Test
    void equalScoresComeBackOrderedByChunkId() {
        open().upsert(KEY, SPEC, List.of(
                chunk("b", 0, "same words here", 1, 0, 0),
                chunk("a", 0, "same words here", 1, 0, 0),
                chunk("c", 0, "same words here", 1, 0, 0)));
        assertThat(index.lexicalTopK(KEY, "same words", 2)).extracting(h -> h.chunk().chunkId())
                .containsExactly("a#0", "b#0");
        assertThat(index.vectorTopK(KEY, new float[] {1, 0, 0}, 3)).extracting(h -> h.chunk().chunkId())
                .containsExactly("a#0", "b#0", "c#0");
    }

    @Test
    void keysListEveryIndexOnDiskAcrossRestarts() {
        seed();
        index.upsert("7/weird key ü~", SPEC, List.of(chunk("x", 0, "text", 1, 0, 0)));
        assertThat(index.keys()).containsExactlyInAnyOrder(KEY, "7/weird key ü~");
        index.close();

        assertThat(open().keys()).containsExactlyInAnyOrder(KEY, "7/weird key ü~");
        index.drop(KEY);
        assertThat(index.keys()).containsExactly("7/weird key ü~");
    }
}
