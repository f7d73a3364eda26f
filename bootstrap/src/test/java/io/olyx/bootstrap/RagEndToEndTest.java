package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.application.rag.SearchCollections;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The RAG API over HTTP with the real wiring: H2, Lucene, the bundled ONNX model, durable indexing jobs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RagEndToEndTest {
    static final Map<String, String> FACTS = Map.of(
            "paris", "Paris is the capital of France. The Eiffel Tower in Paris was completed in 1889.",
            "berlin", "Berlin is the capital of Germany. The Brandenburg Gate stands in its centre.",
            "nile", "The Nile is the longest river in Africa and flows north into the Mediterranean Sea.",
            "leaves", "Plants turn sunlight, water and carbon dioxide into sugar and oxygen by photosynthesis.");

    @TempDir
    static Path dataDir;

    RunningOlyx olyx;
    RunningOlyx.Tenant tenant;
    RunningOlyx.Tenant stranger;
    JsonlUploads uploads;

    @BeforeAll
    void start() {
        olyx = RunningOlyx.start(dataDir);
        ApiClient owner = olyx.owner();
        tenant = olyx.newTenant(owner, "Knowledge");
        stranger = olyx.newTenant(owner, "Stranger");
        uploads = new JsonlUploads(olyx.port(), tenant.rawKey());
        useSandboxModel(owner, tenant.projectId());
    }

    @AfterAll
    void stop() {
        olyx.close();
    }

    static void useSandboxModel(ApiClient owner, long projectId) {
        ApiClient.Response model = owner.post("/api/v1/projects/" + projectId + "/models", Map.of("model_definition",
                Map.of("identifier", "sandbox", "provider", "sandbox", "input_cost_per_1k", 0,
                        "output_cost_per_1k", 0, "is_public", false)));
        assertThat(model.status()).as(model.toString()).isEqualTo(201);
        owner.patch("/api/v1/projects/" + projectId, Map.of("project", Map.of("settings", Map.of("routing_tiers",
                Map.of("simple", "sandbox", "complex", "sandbox", "secure", "sandbox")))));
    }

    String newCollection(String name) {
        ApiClient.Response created = tenant.client().post("/api/v1/collections",
                Map.of("collectionName", name, "context", "test facts", "tags", "geo, science"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.text("collectionId");
    }

    static Map<String, Object> doc(String docId, String text) {
        Map<String, Object> line = new HashMap<>();
        line.put("docId", docId);
        line.put("text", text);
        return line;
    }

    static Map<String, Object> doc(String docId, String text, Object meta) {
        Map<String, Object> line = doc(docId, text);
        line.put("__meta", meta);
        return line;
    }

    String factsCollection() {
        String id = newCollection("Facts");
        List<Map<String, Object>> lines = new ArrayList<>();
        FACTS.forEach((name, text) -> lines.add(doc(name, text)));
        ApiClient.Response up = uploads.multipart(id, JsonlUploads.jsonl(lines), null);
        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        awaitIndexed(tenant.client(), id, FACTS.size());
        return id;
    }

    static JsonNode awaitIndexed(ApiClient client, String collectionId, int total) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        JsonNode state;
        do {
            state = client.get("/api/v1/collections/" + collectionId).json().path("state");
            if (state.path("total").asInt() == total && state.path("indexed").asInt() == total) {
                return state;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("collection " + collectionId + " not indexed in time: " + state);
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    ApiClient.Response query(String collectionId, String term, String reranker) {
        return tenant.client().post("/api/v1/query", Map.of("terms", List.of(term), "collections",
                List.of(collectionId), "top", 3, "reranker", reranker));
    }

    JsonNode document(String collectionId, String name) {
        for (JsonNode item : tenant.client().get("/api/v1/collections/" + collectionId + "/documents?per_page=100")
                .json()) {
            if (item.path("name").asText().equals(name)) {
                return tenant.client().get("/api/v1/collections/" + collectionId + "/documents/"
                        + item.path("id").asText()).json();
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    @Test
    void aCollectionIsCreatedReadListedEditedAndDeleted() {
        String id = newCollection("Handbook");

        JsonNode details = tenant.client().get("/api/v1/collections/" + id).json();
        assertThat(details.path("name").asText()).isEqualTo("Handbook");
        assertThat(details.path("tags")).extracting(JsonNode::asText).containsExactly("geo", "science");
        assertThat(details.path("createdAt").asText()).isNotBlank();
        assertThat(details.path("state").path("total").asInt()).isZero();
        assertThat(tenant.client().get("/api/v1/collections").json()).extracting(c -> c.path("id").asText())
                .contains(id);

        ApiClient.Response edited = tenant.client().put("/api/v1/collections/" + id,
                Map.of("collectionName", "Staff handbook", "tags", "hr"));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(tenant.client().get("/api/v1/collections/" + id).json().path("name").asText())
                .isEqualTo("Staff handbook");

        assertThat(tenant.client().delete("/api/v1/collections/" + id).status()).isEqualTo(200);
        assertError(tenant.client().get("/api/v1/collections/" + id), 404, "not_found");
        assertError(tenant.client().post("/api/v1/collections", Map.of("context", "no name")), 422,
                "invalid_request");
    }

    @Test
    void uploadsFollowTheUpsertRulesOneByOne() {
        String id = newCollection("Rules");
        ApiClient.Response first = uploads.multipart(id, JsonlUploads.jsonl(List.of(
                doc("a", "Alpha text about apples.", Map.of("v", 1)),
                doc("b", "Beta text about bananas.", Map.of("v", 1)),
                doc("c", "Gamma text about cherries.", Map.of("v", 1)))), null);
        assertThat(first.json().path("enqueued").asInt()).isEqualTo(3);
        assertThat(first.json().path("skipped").asInt()).isZero();
        awaitIndexed(tenant.client(), id, 3);
        String indexedAtOfC = document(id, "c").path("indexedAt").asText();

        ApiClient.Response same = uploads.multipart(id, JsonlUploads.jsonl(List.of(
                doc("a", "Alpha text about apples.", Map.of("v", 1)))), null);
        assertThat(same.json().path("enqueued").asInt()).as("unchanged is skipped").isZero();
        assertThat(same.json().path("skipped").asInt()).isEqualTo(1);

        ApiClient.Response changed = uploads.multipart(id, JsonlUploads.jsonl(List.of(
                doc("a", "Alpha text about apricots."),
                doc("b", "Beta text about blueberries.", Map.of("v", 2)),
                doc("c", "Gamma text about cherries.", Map.of("v", 2)))), null);
        assertThat(changed.json().path("enqueued").asInt()).isEqualTo(2);
        assertThat(changed.json().path("skipped").asInt()).isEqualTo(1);
        awaitIndexed(tenant.client(), id, 3);

        JsonNode a = document(id, "a");
        assertThat(a.path("contents").asText()).isEqualTo("Alpha text about apricots.");
        assertThat(a.path("metadata").path("v").asInt()).as("text changed, __meta omitted: kept").isEqualTo(1);
        assertThat(document(id, "b").path("metadata").path("v").asInt()).as("text and __meta changed").isEqualTo(2);
        JsonNode c = document(id, "c");
        assertThat(c.path("metadata").path("v").asInt()).as("__meta alone changed").isEqualTo(2);
        assertThat(c.path("indexedAt").asText()).as("__meta alone is not re-indexed").isEqualTo(indexedAtOfC);

        JsonNode apricots = query(id, "apricots", "none").json();
        assertThat(apricots.get(0).path("documentName").asText()).isEqualTo("a");
        assertThat(apricots.get(0).path("metadata").path("v").asInt()).isEqualTo(1);

        ApiClient.Response sync = uploads.multipart(id, JsonlUploads.jsonl(List.of(
                doc("a", "Alpha text about apricots."))), "sync");
        assertThat(sync.json().path("skipped").asInt()).isEqualTo(1);
        JsonNode state = awaitIndexed(tenant.client(), id, 1);
        assertThat(state.path("queued").asInt()).isZero();
        assertThat(query(id, "blueberries cherries", "none").json()).extracting(r -> r.path("documentName").asText())
                .doesNotContain("b", "c");
    }

    @Test
    void aBadLineRejectsTheWholeUploadNamingItsLine() {
        String id = newCollection("Strict");
        String good = JsonlUploads.line(doc("ok", "A fine document."));

        ApiClient.Response missingText = uploads.multipart(id, good + "\n" + JsonlUploads.line(
                Map.of("docId", "bad")) + "\n", null);
        assertError(missingText, 422, "invalid_request");
        assertThat(missingText.json().path("line").asInt()).isEqualTo(2);

        ApiClient.Response brokenJson = uploads.raw(id, good + "\n\n{\"docId\": \"x\", \"text\": \n", "");
        assertError(brokenJson, 400, "invalid_json");
        assertThat(brokenJson.json().path("line").asInt()).isEqualTo(3);

        ApiClient.Response duplicate = uploads.raw(id, good + "\n" + good + "\n", "");
        assertError(duplicate, 422, "invalid_request");
        assertThat(duplicate.json().path("line").asInt()).isEqualTo(2);

        ApiClient.Response badMeta = uploads.raw(id, JsonlUploads.line(doc("m", "text", List.of(1))) + "\n", "");
        assertThat(badMeta.json().path("error").asText()).contains("__meta");
        assertError(uploads.raw(id, good, "?insert-mode=mirror"), 422, "invalid_request");

        assertThat(tenant.client().get("/api/v1/collections/" + id).json().path("state").path("total").asInt())
                .as("nothing half-written").isZero();
        assertThat(uploads.raw(id, good, "").json().path("enqueued").asInt()).isEqualTo(1);
    }

    @Test
    void queriesRankWithEveryRerankerAndIncludeNeighbouringChunks() {
        String id = factsCollection();
        for (String reranker : List.of("lexical", "smart", "none")) {
            ApiClient.Response answer = query(id, "What is the capital of France?", reranker);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            JsonNode results = answer.json();
            assertThat(results.isArray()).isTrue();
            assertThat(results.get(0).path("documentName").asText()).as(reranker).isEqualTo("paris");
            assertThat(results.get(0).path("documentContent").asText()).contains("Eiffel");
            assertThat(results.get(0).path("documentId").asText()).hasSize(36);
            double previous = 1;
            for (JsonNode r : results) {
                assertThat(r.path("score").asDouble()).isBetween(0.0, previous);
                previous = r.path("score").asDouble();
            }
        }
        ApiClient.Response strict = tenant.client().post("/api/v1/query", Map.of("terms", List.of("capital of France"),
                "collections", List.of(id), "minScore", 0.99));
        assertThat(strict.json()).isEmpty();

        String manual = newCollection("Manual");
        String longText = ("The pump must be primed before first use. ".repeat(20) + "\n\n")
                + ("Replace the filter cartridge every six months. ".repeat(20) + "\n\n")
                + "Store the unit in a dry place during winter. ".repeat(20);
        uploads.raw(manual, JsonlUploads.line(doc("manual", longText)), "");
        awaitIndexed(tenant.client(), manual, 1);
        JsonNode withRefs = tenant.client().post("/api/v1/query", Map.of("terms", List.of("filter cartridge"),
                "collections", List.of(manual), "top", 1, "includeReferences", true)).json();
        assertThat(withRefs.get(0).path("referencedDocuments")).isNotEmpty()
                .allSatisfy(ref -> assertThat(ref.path("documentContent").asText()).isNotBlank());
        assertError(tenant.client().post("/api/v1/query", Map.of("terms", List.of(), "collections", List.of(id))),
                422, "invalid_request");
        assertError(tenant.client().post("/api/v1/query", Map.of("terms", "x", "collections", List.of(id),
                "reranker", "magic")), 422, "invalid_request");
        List<String> manyTerms = IntStream.range(0, 17).mapToObj(i -> "term " + i).toList();
        assertError(tenant.client().post("/api/v1/query", Map.of("terms", manyTerms, "collections", List.of(id))),
                422, "invalid_request");
        assertError(tenant.client().post("/api/v1/answer", Map.of("terms", List.of("x".repeat(4_001)),
                "collections", List.of(id))), 422, "invalid_request");
    }

    @Test
    void answersAreGroundedInThePassagesThroughThePipeline() {
        String id = factsCollection();

        ApiClient.Response answer = tenant.client().post("/api/v1/answer", Map.of("terms",
                List.of("When was the Eiffel Tower completed?"), "collections", List.of(id), "top", 3));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.text("answer")).contains("1889").contains("[1]");
        assertThat(answer.json().path("queryResults").get(0).path("documentName").asText()).isEqualTo("paris");
        JsonNode traces = tenant.client().get("/api/v1/traces").json().path("data");
        List<String> endpoints = new ArrayList<>();
        for (JsonNode t : traces) {
            for (JsonNode step : tenant.client().get("/api/v1/traces/" + t.path("id").asText()).json().path("steps")) {
                endpoints.add(step.path("endpoint").asText());
            }
        }
        assertThat(endpoints).contains("answer");
    }

    @Test
    void exportWritesTheUploadFormatAndResetAndVectorsOnlyRebuild() {
        String id = factsCollection();
        ApiClient.Response export = tenant.client().get("/api/v1/collections/" + id + "/export.jsonl");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().firstValue("Content-Type").orElse("")).startsWith("application/jsonl");
        String[] lines = export.body().strip().split("\n");
        assertThat(lines).hasSize(FACTS.size());
        String copy = newCollection("Copy");
        assertThat(uploads.raw(copy, export.body(), "").json().path("enqueued").asInt()).isEqualTo(FACTS.size());

        ApiClient.Response reembed = tenant.client().delete("/api/v1/collections/" + id + "/vectors-only");
        assertThat(reembed.json().path("enqueued").asInt()).isEqualTo(FACTS.size());
        awaitIndexed(tenant.client(), id, FACTS.size());
        assertThat(query(id, "longest river in Africa", "smart").json().get(0).path("documentName").asText())
                .isEqualTo("nile");

        assertThat(tenant.client().delete("/api/v1/collections/" + id + "/reset-only").status()).isEqualTo(200);
        assertThat(tenant.client().get("/api/v1/collections/" + id).json().path("state").path("total").asInt())
                .isZero();
        assertThat(query(id, "longest river in Africa", "smart").json()).isEmpty();
    }

    @Test
    void headOnTheExportAnswersItsHeadersWithoutReadingTheDocuments() {
        String id = factsCollection();
        String path = "/api/v1/collections/" + id + "/export.jsonl";
        ApiClient.Response get = tenant.client().get(path);

        ApiClient.Response head = tenant.client().send("HEAD", path, null);

        assertThat(head.status()).isEqualTo(get.status()).isEqualTo(200);
        for (String header : List.of("Content-Type", "Content-Disposition")) {
            assertThat(head.headers().firstValue(header)).isEqualTo(get.headers().firstValue(header)).isPresent();
        }
        assertThat(head.body()).isEmpty();
        // a HEAD run as the GET built the export to measure it (and Jetty dropped it), which its length showed
        assertThat(head.headers().firstValue("Content-Length")).as("no length counted from a built export")
                .isEmpty();
        ApiClient.Response unknown = tenant.client().send("HEAD", "/api/v1/collections/" + UUID.randomUUID()
                + "/export.jsonl", null);
        ApiClient.Response foreign = stranger.client().send("HEAD", path, null);
        for (ApiClient.Response missing : List.of(unknown, foreign)) {
            assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
            assertThat(missing.headers().firstValue("Content-Disposition")).isEmpty();
            assertThat(missing.body()).isEmpty();
        }
    }

    @Test
    void documentsArePutByNameBrowsedAndDeleted() {
        String id = newCollection("Put");
        String path = "/api/v1/collections/" + id + "/documents";
        Map<String, Object> body = new HashMap<>(Map.of("name", "guide", "contents", "Hold the button for five "
                + "seconds to reset the router.", "tags", List.of("network"), "reference", "kb-12"));
        ApiClient.Response created = tenant.client().put(path, body);
        assertThat(created.text("state")).isEqualTo("Created");
        assertThat(tenant.client().put(path, body).text("state")).isEqualTo("NotModified");
        body.put("metadata", Map.of("lang", "en"));
        ApiClient.Response modified = tenant.client().put(path, body);
        assertThat(modified.text("state")).isEqualTo("Modified");
        assertThat(modified.text("documentId")).isEqualTo(created.text("documentId"));

        JsonNode doc = tenant.client().get(path + "/" + created.text("documentId")).json();
        assertThat(doc.path("wordCount").asInt()).isEqualTo(10);
        assertThat(doc.path("characterCount").asInt()).isEqualTo(53);
        assertThat(doc.path("approximateTokenCount").asInt()).isPositive();
        assertThat(doc.path("reference").asText()).isEqualTo("kb-12");
        assertThat(doc.path("metadata").path("lang").asText()).isEqualTo("en");

        tenant.client().put(path, Map.of("name", "other", "contents", "Unrelated text."));
        JsonNode browsed = tenant.client().get(path + "?filter=-t%20network&order_by=name_asc").json();
        assertThat(browsed).extracting(d -> d.path("name").asText()).containsExactly("guide");
        assertThat(browsed.get(0).path("contentsPreview").asText()).startsWith("Hold the button");
        assertThat(browsed.get(0).path("indexState").asText()).isIn("Queued", "Indexed");
        assertError(tenant.client().get(path + "?order_by=sideways"), 422, "invalid_request");
        awaitIndexed(tenant.client(), id, 2);
        assertThat(tenant.client().get(path + "?state=indexed").json()).hasSize(2);

        assertThat(tenant.client().delete(path + "/" + created.text("documentId")).status()).isEqualTo(200);
        assertError(tenant.client().get(path + "/" + created.text("documentId")), 404, "not_found");
        assertThat(query(id, "reset the router", "none").json()).extracting(r -> r.path("documentName").asText())
                .doesNotContain("guide");
    }

    @Test
    void anotherProjectsKeySeesNothing() {
        String id = factsCollection();
        ApiClient other = stranger.client();
        String docId = tenant.client().get("/api/v1/collections/" + id + "/documents").json().get(0).path("id")
                .asText();

        assertError(other.get("/api/v1/collections/" + id), 404, "not_found");
        assertError(other.get("/api/v1/collections/" + id + "/documents"), 404, "not_found");
        assertError(other.get("/api/v1/collections/" + id + "/documents/" + docId), 404, "not_found");
        assertError(other.get("/api/v1/collections/" + id + "/export.jsonl"), 404, "not_found");
        assertError(other.delete("/api/v1/collections/" + id), 404, "not_found");
        assertError(other.post("/api/v1/query", Map.of("terms", List.of("France"), "collections", List.of(id))),
                404, "not_found");
        assertError(new JsonlUploads(olyx.port(), stranger.rawKey()).raw(id,
                JsonlUploads.line(doc("x", "intruder")), ""), 404, "not_found");
        assertThat(other.get("/api/v1/collections").json()).isEmpty();
        assertThat(tenant.client().get("/api/v1/collections/" + id).json().path("state").path("total").asInt())
                .isEqualTo(FACTS.size());
    }

    @Test
    void badQueryAndAnswerInputAnswersWithTheErrorShapeNeverA500() {
        String id = newCollection("Inputs");
        ApiClient client = tenant.client();
        for (String path : List.of("/api/v1/query", "/api/v1/answer")) {
            assertError(client.post(path, "{\"terms\": "), 400, "invalid_json");
            assertError(client.post(path, Map.of("terms", List.of("x"), "collections", List.of(id), "top", "many")),
                    422, "invalid_request");
            assertError(client.post(path, Map.of("terms", List.of("x"), "collections", List.of(id), "top", 0)),
                    422, "invalid_request");
            for (String top : List.of("0", "101", "1e10", "-99999999999999999999")) {
                ApiClient.Response outside = client.post(path, "{\"terms\": [\"x\"], \"collections\": [\"" + id
                        + "\"], \"top\": " + top + "}");
                assertError(outside, 422, "invalid_request");
                assertThat(outside.text("error")).isEqualTo("top must be between 1 and 100");
            }
            assertError(client.post(path, Map.of("terms", List.of("x"), "collections", List.of(id),
                    "minScore", 2)), 422, "invalid_request");
            assertError(client.post(path, Map.of("terms", List.of("x"), "collections", List.of())),
                    422, "invalid_request");
            assertError(client.post(path, Map.of("terms", List.of("x"), "collections", List.of("not-an-id"))),
                    404, "not_found");
        }
        assertError(client.post("/api/v1/collections", Map.of("context", "no name")), 422, "invalid_request");
        assertError(client.put("/api/v1/collections/" + id + "/documents", Map.of("name", "n")), 422,
                "invalid_request");
    }

    /**
     * Queries still reading a collection's index while the collection is deleted answer 200 or 404, and the delete
     * 200: neither meets the index half-deleted (both were 500s). Many terms keep each query reading the index
     * for a while, so the delete lands among the reads.
     */
    @Test
    void queriesRacingTheDeletionOfTheirCollectionAnswer200Or404NeverA500() throws Exception {
        List<String> terms = IntStream.range(0, SearchCollections.MAX_TERMS).mapToObj(i -> "river capital " + i).toList();
        for (int round = 0; round < 8; round++) {
            String id = newCollection("Racing " + round);
            ApiClient.Response put = tenant.client().put("/api/v1/collections/" + id + "/documents",
                    Map.of("name", "atlas", "contents", String.join(" ", Collections.nCopies(200,
                            FACTS.get("nile") + " " + FACTS.get("paris")))));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            awaitIndexed(tenant.client(), id, 1);
            int queries = 12;
            List<ApiClient.Response> answers = AtOnce.send(List.of(tenant.client()), queries + 1, (client, i) ->
                    i == queries ? client.delete("/api/v1/collections/" + id)
                            : client.post("/api/v1/query", Map.of("terms", terms, "collections", List.of(id),
                            "includeReferences", true)));
            assertThat(answers.getLast().status()).as(answers.getLast().toString()).isEqualTo(200);
            assertThat(answers.subList(0, queries)).allSatisfy(a ->
                    assertThat(a.status()).as(a.toString()).isIn(200, 404));
        }
    }

    @Test
    void theApiKeyMayComeAsAQueryParameter() {
        assertThat(olyx.api.get("/api/v1/collections?api-key=" + tenant.rawKey()).status()).isEqualTo(200);
        assertError(olyx.api.get("/api/v1/collections"), 401, "unauthorized");
    }
}
