package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.FakeBehavior;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Length limits count characters as users do, one per emoji, and a value at its limit is stored whole in the embedded
 * H2 database (which counts UTF-16 units): exactly the limit in emoji is accepted and read back unchanged, one more
 * is 422 and stores nothing. Where Olyx shortens such text for a preview, it gives back whole characters.
 */
class TextLengthsEndToEndTest extends OlyxAgainstFakeProvider {
    RunningOlyx.Tenant tenant;

    @BeforeAll
    void start() {
        tenant = olyx.newTenant(owner, "Text lengths");
    }

    static String emoji(int n) {
        return "😀".repeat(n);
    }

    @Test
    void aProjectNameAndDescriptionOfExactlyTheLimitInEmojiAreKept() {
        ApiClient.Response created = owner.post("/api/v1/projects", Map.of("project",
                Map.of("name", emoji(200), "description", emoji(2000))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String path = "/api/v1/projects/" + created.json().path("id").asLong();
        JsonNode read = owner.get(path).json();
        assertThat(read.path("name").asText()).isEqualTo(emoji(200));
        assertThat(read.path("description").asText()).isEqualTo(emoji(2000));

        int before = owner.get("/api/v1/projects").json().size();
        assertError(owner.post("/api/v1/projects", Map.of("project", Map.of("name", emoji(201)))), 422,
                "invalid_request");
        assertError(owner.patch(path, Map.of("project", Map.of("description", emoji(2001)))), 422,
                "invalid_request");
        assertThat(owner.get("/api/v1/projects").json()).hasSize(before);
        assertThat(owner.get(path).json()).isEqualTo(read);
    }

    @Test
    void anApiKeyNameOfExactlyTheLimitInEmojiIsKept() {
        ApiClient.Response created = owner.post("/api/v1/keys", Map.of("name", emoji(200), "project_id",
                tenant.projectId()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("name")).isEqualTo(emoji(200));

        assertError(owner.post("/api/v1/keys", Map.of("name", emoji(201), "project_id", tenant.projectId())), 422,
                "invalid_request");
        assertError(owner.patch("/api/v1/keys/" + id, Map.of("name", emoji(201))), 422, "invalid_request");
        JsonNode keys = owner.get("/api/v1/keys?project_id=" + tenant.projectId()).json();
        assertThat(keys).hasSize(2);
        assertThat(keys.findValuesAsText("name")).contains(emoji(200));
    }

    @Test
    void aCollectionNameOfExactlyTheLimitInEmojiIsKept() {
        ApiClient.Response created = tenant.client().post("/api/v1/collections", Map.of("collectionName",
                emoji(256), "context", emoji(10_000)));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        JsonNode read = tenant.client().get("/api/v1/collections/" + created.text("collectionId")).json();
        assertThat(read.path("name").asText()).isEqualTo(emoji(256));
        assertThat(read.path("context").asText()).isEqualTo(emoji(10_000));

        int before = tenant.client().get("/api/v1/collections").json().size();
        assertError(tenant.client().post("/api/v1/collections", Map.of("collectionName", emoji(257))), 422,
                "invalid_request");
        assertThat(tenant.client().get("/api/v1/collections").json()).hasSize(before);
    }

    @Test
    void aTracesLocalRefChannelAndMetadataOfExactlyTheLimitInEmojiAreKept() {
        ApiClient.Response created = tenant.client().post("/api/v1/traces", Map.of("local_ref", emoji(512),
                "distribution_channel", emoji(32), "metadata", Map.of("note", emoji(1024))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("distribution").path("distribution_channel").asText()).isEqualTo(emoji(32));
        JsonNode read = tenant.client().get("/api/v1/traces/" + created.text("id")).json();
        assertThat(read.path("local_ref").asText()).isEqualTo(emoji(512));
        assertThat(read.path("metadata").path("note").asText()).isEqualTo(emoji(1024));

        long before = tenant.client().get("/api/v1/traces").json().path("total").asLong();
        for (Map<String, ?> over : List.<Map<String, ?>>of(Map.of("local_ref", emoji(513)),
                Map.of("distribution_channel", emoji(33)), Map.of("metadata", Map.of("note", emoji(1025))))) {
            assertError(tenant.client().post("/api/v1/traces", over), 422, "invalid_request");
        }
        assertThat(tenant.client().get("/api/v1/traces").json().path("total").asLong()).isEqualTo(before);
    }

    @Test
    void anInputOfExactlyMaxInputLengthInEmojiIsCalledAndOneMoreIsRefused() {
        RunningOlyx.Tenant strict = olyx.newTenant(owner, "Short emoji inputs");
        Models.register(owner, strict.projectId(), provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true,
                Map.of());
        owner.patch("/api/v1/projects/" + strict.projectId(), Map.of("project", Map.of("settings", Map.of(
                "routing_tiers", Map.of("simple", "gpt-4o-mini", "complex", "gpt-4o-mini"),
                "guardrails", Map.of("max_input_length", 10)))));
        String trace = strict.client().post("/api/v1/traces", Map.of()).text("id");
        provider.enqueue(FakeBehavior.text("🙂"));

        ApiClient.Response answered = strict.client().post("/api/v1/executions", Map.of("trace_id", trace,
                "input", emoji(10)));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.text("output")).isEqualTo("🙂");
        ApiClient.Response refused = strict.client().post("/api/v1/executions", Map.of("trace_id", trace,
                "input", emoji(11)));
        assertError(refused, 422, "input_too_long");
        assertThat(strict.client().get("/api/v1/traces/" + trace).json().path("steps")).hasSize(1);
    }

    private static Map<String, Object> chat(String gateway, String field, String user) {
        return Map.of("model", gateway, field, user, "messages", List.of(Map.of("role", "user",
                "content", "Remember that I like emoji.")));
    }

    @Test
    void anEndUserOfExactlyTheLimitInEmojiKeepsMemoriesAndOneMoreIsRefusedBeforeAnyModelCall() {
        RunningOlyx.Tenant memories = olyx.newTenant(owner, "Emoji end users");
        Models.register(owner, memories.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        String gateway = memories.client().post("/api/v1/ai-gateways", Map.of("name", "Memory", "parameters",
                Map.of("modelName", "gpt-4o"))).text("aiGatewayId");
        provider.reset();
        provider.enqueue(FakeBehavior.toolCall("remember", "{\"content\":\"x" + emoji(100) + "\"}"),
                FakeBehavior.text("Noted."));

        ApiClient.Response remembered = memories.client().post("/v1/chat/completions",
                chat(gateway, "user", emoji(256)));
        assertThat(remembered.status()).as(remembered.toString()).isEqualTo(200);
        JsonNode listed = memories.client().get("/api/v1/memories").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("externalUserId").asText()).isEqualTo(emoji(256));
        assertThat(listed.get(0).path("content").asText()).as("a preview of 120 UTF-16 units in whole emoji")
                .isEqualTo("x" + emoji(59) + "…");

        for (String field : List.of("user", "safety_identifier")) {
            ApiClient.Response refused = memories.client().post("/v1/chat/completions",
                    chat(gateway, field, emoji(257)));
            assertError(refused, 422, "invalid_request");
            assertThat(refused.text("error")).isEqualTo(field + " must be at most 256 characters");
        }
        assertThat(provider.requestCount()).as("the refused calls reached no model").isEqualTo(2);
        assertThat(memories.client().get("/api/v1/memories").json()).hasSize(1);
    }

    @Test
    void aDocumentPreviewOfEmojiTextComesBackInWholeCharacters() {
        RunningOlyx.Tenant rag = olyx.newTenant(owner, "Emoji previews");
        String collection = rag.client().post("/api/v1/collections", Map.of("collectionName", "Emoji"))
                .text("collectionId");
        String documents = "/api/v1/collections/" + collection + "/documents";
        for (Map<String, Object> document : List.<Map<String, Object>>of(
                Map.of("name", "long", "contents", "x" + emoji(150)),
                Map.of("name", "spaced", "contents", "a" + "\n".repeat(300) + emoji(100)))) {
            ApiClient.Response put = rag.client().put(documents, document);
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
        }

        JsonNode browsed = rag.client().get(documents + "?order_by=name_asc").json();
        assertThat(browsed).extracting(d -> d.path("name").asText()).containsExactly("long", "spaced");
        assertThat(browsed.get(0).path("contentsPreview").asText()).isEqualTo("x" + emoji(99) + "…");
        assertThat(browsed.get(1).path("contentsPreview").asText()).isEqualTo("a " + emoji(49));
    }
}
