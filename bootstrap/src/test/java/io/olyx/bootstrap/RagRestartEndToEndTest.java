package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.search.LuceneSearchIndex;
import io.olyx.application.port.ChunkToIndex;
import io.olyx.application.port.EmbeddingModelSpec;
import io.olyx.application.port.StoredChunk;
import io.olyx.domain.rag.DocumentMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What survives a restart: the index, queued indexing work, and an index built by another embedding model. */
class RagRestartEndToEndTest {
    @TempDir
    Path dataDir;

    record Setup(long projectId, String rawKey, String collectionId) {
    }

    private Setup setUp(RunningOlyx olyx) {
        RunningOlyx.Tenant tenant = olyx.newTenant(olyx.owner(), "Restart");
        String id = tenant.client().post("/api/v1/collections", Map.of("collectionName", "Kept")).text("collectionId");
        return new Setup(tenant.projectId(), tenant.rawKey(), id);
    }

    private static ApiClient client(RunningOlyx olyx, Setup s) {
        return olyx.api.as(s.rawKey());
    }

    private static JsonNode query(RunningOlyx olyx, Setup s, String term) {
        return client(olyx, s).post("/api/v1/query", Map.of("terms", List.of(term), "collections",
                List.of(s.collectionId()), "top", 3, "reranker", "none")).json();
    }

    @Test
    void aRestartKeepsTheIndexAndFinishesQueuedIndexing() {
        Setup s;
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            lines.add(RagEndToEndTest.doc("note-" + i, "Note number " + i + " is about topic " + (i * 7) + "."));
        }
        lines.add(RagEndToEndTest.doc("paris", RagEndToEndTest.FACTS.get("paris")));
        try (RunningOlyx olyx = RunningOlyx.start(dataDir, Map.of("OLYX_RAG_INDEX_BATCH", "1"))) {
            s = setUp(olyx);
            new JsonlUploads(olyx.port(), s.rawKey()).raw(s.collectionId(), JsonlUploads.jsonl(lines), "");
        }
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            RagEndToEndTest.awaitIndexed(client(olyx, s), s.collectionId(), lines.size());
            assertThat(query(olyx, s, "Eiffel Tower").get(0).path("documentName").asText()).isEqualTo("paris");
        }
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            JsonNode state = client(olyx, s).get("/api/v1/collections/" + s.collectionId()).json().path("state");
            assertThat(state.path("indexed").asInt()).isEqualTo(lines.size());
            assertThat(query(olyx, s, "Eiffel Tower").get(0).path("documentName").asText()).isEqualTo("paris");
        }
    }

    /** A collection holding "paris", its index then rebuilt (while Olyx is stopped) as another model would have. */
    private Setup parisIndexedWithAnOlderModel() {
        Setup s;
        String parisId;
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            s = setUp(olyx);
            new JsonlUploads(olyx.port(), s.rawKey()).raw(s.collectionId(), JsonlUploads.line(
                    RagEndToEndTest.doc("paris", RagEndToEndTest.FACTS.get("paris"))), "");
            RagEndToEndTest.awaitIndexed(client(olyx, s), s.collectionId(), 1);
            parisId = client(olyx, s).get("/api/v1/collections/" + s.collectionId() + "/documents").json().get(0)
                    .path("id").asText();
        }
        EmbeddingModelSpec old = new EmbeddingModelSpec("an-older-model", 2);
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dataDir.resolve("index"))) {
            index.reset(indexKey(s));
            String text = RagEndToEndTest.FACTS.get("paris");
            index.upsert(indexKey(s), old, List.of(new ChunkToIndex(new StoredChunk(parisId + "#0", parisId, "paris",
                    0, 0, text.length(), text, DocumentMetadata.EMPTY), new float[] {1, 0})));
        }
        return s;
    }

    private static String indexKey(Setup s) {
        return s.projectId() + "/" + s.collectionId();
    }

    @Test
    void aChangedTextThatFailsToIndexLeavesNoTraceOfTheOldTextInQueries() {
        Setup s = parisIndexedWithAnOlderModel();
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient client = client(olyx, s);
            assertThat(query(olyx, s, "Eiffel Tower").get(0).path("documentName").asText()).isEqualTo("paris");
            String documents = "/api/v1/collections/" + s.collectionId() + "/documents";
            String changed = "Paris hosts the Louvre, the largest art museum, on the right bank of the Seine.";
            String id = client.put(documents, Map.of("name", "paris", "contents", changed)).text("documentId");

            // indexing the new text fails for good: the index was built with another model
            JsonNode document = awaitState(client, documents + "/" + id, "Cancelled");
            assertThat(document.path("contents").asText()).isEqualTo(changed);
            assertThat(query(olyx, s, "Eiffel Tower")).as("the old text is gone from queries").isEmpty();
            assertThat(client.get(documents + "?state=cancelled").json()).extracting(d -> d.path("id").asText())
                    .containsExactly(id);
        }
    }

    private static JsonNode awaitState(ApiClient client, String documentPath, String state) {
        for (int i = 0; i < 1200; i++) {
            JsonNode document = client.get(documentPath).json();
            if (document.path("state").asText().equals(state)) {
                return document;
            }
            RagEndToEndTest.sleep();
        }
        throw new AssertionError(documentPath + " never reached " + state);
    }

    @Test
    void aStartRemovesChunksWhoseDocumentWasDeletedBeforeTheIndexHeardOfIt() {
        Setup s;
        List<String> live;
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            s = setUp(olyx);
            new JsonlUploads(olyx.port(), s.rawKey()).raw(s.collectionId(), JsonlUploads.jsonl(List.of(
                    RagEndToEndTest.doc("paris", RagEndToEndTest.FACTS.get("paris")),
                    RagEndToEndTest.doc("berlin", RagEndToEndTest.FACTS.get("berlin")))), "");
            RagEndToEndTest.awaitIndexed(client(olyx, s), s.collectionId(), 2);
            live = new ArrayList<>();
            client(olyx, s).get("/api/v1/collections/" + s.collectionId() + "/documents").json()
                    .forEach(d -> live.add(d.path("id").asText()));
        }
        // what a crash leaves after a document's deletion committed and before its chunks were removed
        String deleted = UUID.randomUUID().toString();
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dataDir.resolve("index"))) {
            EmbeddingModelSpec spec = index.embeddingSpec(indexKey(s)).orElseThrow();
            float[] vector = new float[spec.dimension()];
            vector[0] = 1;
            String text = "The Eiffel Tower was deleted from this collection.";
            index.upsert(indexKey(s), spec, List.of(new ChunkToIndex(new StoredChunk(deleted + "#0", deleted, "gone",
                    0, 0, text.length(), text, DocumentMetadata.EMPTY), vector)));
        }

        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            assertThat(query(olyx, s, "Eiffel Tower").get(0).path("documentName").asText()).isEqualTo("paris");
        }

        try (LuceneSearchIndex index = LuceneSearchIndex.open(dataDir.resolve("index"))) {
            assertThat(index.documentIds(indexKey(s), Optional.empty(), 10))
                    .containsExactlyInAnyOrderElementsOf(live);
            assertThat(index.count(indexKey(s))).isEqualTo(2);
        }
    }

    @Test
    void anIndexBuiltWithAnotherModelIsSearchedLexicallyUntilVectorsOnlyReembedsIt() {
        Setup s = parisIndexedWithAnOlderModel();
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient client = client(olyx, s);
            assertThat(query(olyx, s, "Eiffel Tower").get(0).path("documentName").asText())
                    .as("lexical search still works").isEqualTo("paris");
            new JsonlUploads(olyx.port(), s.rawKey()).raw(s.collectionId(), JsonlUploads.line(
                    RagEndToEndTest.doc("berlin", RagEndToEndTest.FACTS.get("berlin"))), "");
            awaitCancelled(client, s.collectionId());

            JsonNode reembed = client.delete("/api/v1/collections/" + s.collectionId() + "/vectors-only").json();
            assertThat(reembed.path("enqueued").asInt()).isEqualTo(2);
            RagEndToEndTest.awaitIndexed(client, s.collectionId(), 2);
            assertThat(query(olyx, s, "German capital city").get(0).path("documentName").asText())
                    .isEqualTo("berlin");
        }
        try (LuceneSearchIndex index = LuceneSearchIndex.open(dataDir.resolve("index"))) {
            assertThat(index.embeddingSpec(indexKey(s)).orElseThrow().model()).isEqualTo("bge-small-en-v1.5-q");
        }
    }

    /** A document uploaded to a collection that needs re-embedding is not indexed with the wrong model. */
    private static void awaitCancelled(ApiClient client, String collectionId) {
        for (int i = 0; i < 1200; i++) {
            JsonNode cancelled = client.get("/api/v1/collections/" + collectionId + "/documents?state=cancelled")
                    .json();
            if (cancelled.size() == 1) {
                assertThat(cancelled.get(0).path("name").asText()).isEqualTo("berlin");
                return;
            }
            RagEndToEndTest.sleep();
        }
        throw new AssertionError("the upload was not cancelled");
    }
}
