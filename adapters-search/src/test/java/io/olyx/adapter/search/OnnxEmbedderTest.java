package io.olyx.adapter.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OnnxEmbedderTest {

    private static OnnxEmbedder embedder;

    @BeforeAll
    static void loadModelOnce() {
        embedder = OnnxEmbedder.bundledBgeSmall();
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void reportsTheBundledModelAndItsDimension() {
        assertThat(embedder.spec().model()).isEqualTo("bge-small-en-v1.5-q");
        assertThat(embedder.spec().dimension()).isEqualTo(384);
    }

    @Test
    void vectorsHaveUnitLength() {
        List<float[]> vectors = embedder.embedDocuments(List.of("A short sentence.", "Another, somewhat longer one."));
        assertThat(vectors).hasSize(2).allSatisfy(v -> {
            assertThat(v).hasSize(384);
            assertThat(dot(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        assertThat(dot(embedder.embedQuery("what is this"), embedder.embedQuery("what is this")))
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void similarSentencesAreCloserThanUnrelatedOnes() {
        List<float[]> v = embedder.embedDocuments(List.of(
                "The cat sits on the mat.",
                "A kitten is resting on a rug.",
                "Quarterly revenue grew by eight percent."));
        assertThat(dot(v.get(0), v.get(1))).isGreaterThan(dot(v.get(0), v.get(2)) + 0.1);
        float[] query = embedder.embedQuery("where is the cat");
        assertThat(dot(query, v.get(0))).isGreaterThan(dot(query, v.get(2)));
    }

    private static final String SHORT_TEXT = "Insulin regulates blood glucose.";
    private static final String LONG_TEXT = "Mitochondria are membrane-bound organelles that generate most of the "
            + "chemical energy needed to power the biochemical reactions of the cell, stored in adenosine triphosphate.";

    /** The int8 model quantises activations per call, so batch neighbours move a vector, but only slightly. */
    @Test
    void batchingMovesAVectorOnlySlightly() {
        List<float[]> batch = embedder.embedDocuments(List.of(LONG_TEXT, SHORT_TEXT, LONG_TEXT));
        float[] single = embedder.embedDocuments(List.of(SHORT_TEXT)).getFirst();
        assertThat(dot(batch.get(1), single)).isGreaterThan(0.99);
        assertThat(dot(batch.get(0), batch.get(2))).isGreaterThan(0.9999);
    }

    @Test
    void unbatchedVectorsDoNotDependOnTheirNeighbours() {
        try (OnnxEmbedder unbatched = OnnxEmbedder.bundledBgeSmall(new OnnxEmbedder.Settings(1, 2, 1, 512, 1))) {
            List<float[]> batch = unbatched.embedDocuments(List.of(LONG_TEXT, SHORT_TEXT, LONG_TEXT));
            float[] single = unbatched.embedDocuments(List.of(SHORT_TEXT)).getFirst();
            assertThat(dot(batch.get(1), single)).isGreaterThan(0.9999);
            assertThat(dot(batch.get(0), batch.get(2))).isGreaterThan(0.9999);
        }
    }

    /**
     * A query alone runs on one thread or every core, whichever is faster lately (and now and then the other), and
     * one arriving during indexing on one thread: the vector is the same.
     */
    @Test
    void aQueryGetsTheSameVectorAloneOrWhileDocumentsAreEmbedded() {
        float[] alone;
        try (OnnxEmbedder oneThread = OnnxEmbedder.bundledBgeSmall(new OnnxEmbedder.Settings(1, 2, 8, 512, 1))) {
            alone = oneThread.embedQuery(SHORT_TEXT);
        }
        // enough lone queries for both ways: each is tried first, and the slower one still gets every 16th
        for (int i = 0; i < 6 + LoneQueryChoice.EXPLORE_EVERY; i++) {
            assertThat(dot(alone, embedder.embedQuery(SHORT_TEXT))).isGreaterThan(0.9999);
        }
        CompletableFuture<List<float[]>> documents = CompletableFuture.supplyAsync(
                () -> embedder.embedDocuments(Collections.nCopies(48, LONG_TEXT)));
        List<float[]> during = new ArrayList<>();
        do {
            during.add(embedder.embedQuery(SHORT_TEXT));
        } while (!documents.isDone());
        assertThat(documents.join()).hasSize(48);
        assertThat(during).allSatisfy(v -> assertThat(dot(alone, v)).isGreaterThan(0.9999));
    }

    @Test
    void queriesAreEmbeddedAsTheyAreWithoutAnInstructionPrefix() {
        float[] asQuery = embedder.embedQuery("insulin and blood sugar");
        float[] asDocument = embedder.embedDocuments(List.of("insulin and blood sugar")).getFirst();
        assertThat(dot(asQuery, asDocument)).isGreaterThan(0.9999);
    }

    /** Closing frees native sessions: it must wait for every inference in flight, documents and queries alike. */
    @Test
    void closingStopsLongWorkAtItsNextInferenceAndWaitsForTheOnesRunning() throws InterruptedException {
        OnnxEmbedder closing = OnnxEmbedder.bundledBgeSmall();
        AtomicInteger answered = new AtomicInteger();
        try (ExecutorService callers = Executors.newFixedThreadPool(2)) {
            CompletableFuture<Integer> documents = CompletableFuture.supplyAsync(
                    () -> closing.embedDocuments(Collections.nCopies(400, LONG_TEXT)).size(), callers);
            CompletableFuture<Void> queries = CompletableFuture.runAsync(() -> {
                while (true) {
                    closing.embedQuery(LONG_TEXT);
                    answered.incrementAndGet();
                }
            }, callers);
            while (answered.get() == 0) {
                Thread.sleep(5);
            }

            closing.close();

            assertThat(documents).failsWithin(Duration.ofSeconds(30))
                    .withThrowableThat().havingRootCause().withMessageContaining("shutting down");
            assertThat(queries).failsWithin(Duration.ofSeconds(30))
                    .withThrowableThat().havingRootCause().withMessageContaining("shutting down");
        }
        assertThatThrownBy(() -> closing.embedQuery("after close")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("shutting down");
    }

    @Test
    void documentsNoLongerWantedStopAtTheNextInference() {
        // 400 texts make 50 inferences of 8, each asked about first; the answer turns to no after the second
        AtomicInteger asked = new AtomicInteger();
        assertThatThrownBy(() -> embedder.embedDocuments(Collections.nCopies(400, SHORT_TEXT),
                () -> asked.incrementAndGet() <= 2)).isInstanceOf(CancellationException.class);
        assertThat(asked.get()).as("questions asked: each task stops at its first no").isLessThan(50);

        assertThat(embedder.embedDocuments(Collections.nCopies(40, SHORT_TEXT), () -> true)).hasSize(40);
    }

    @Test
    void truncatesTextsLongerThanTheModelWindow() {
        String huge = "word ".repeat(3000);
        assertThat(embedder.embedDocuments(List.of(huge)).getFirst()).hasSize(384);
    }
}
