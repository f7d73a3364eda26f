package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 003's management endpoints for gateways, skills and memories, over HTTP as a client uses them. */
class GatewayApiEndToEndTest extends OlyxAgainstFakeProvider {
    RunningOlyx.Tenant tenant;
    ApiClient api;

    @BeforeAll
    void start() {
        tenant = olyx.newTenant(owner, "Gateways API");
        Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        api = tenant.client();
    }

    static Map<String, Object> fullParameters() {
        Map<String, Object> p = new HashMap<>();
        p.put("baseAddress", "https://api.example.com/v1");
        p.put("modelName", "gpt-4o");
        p.put("temperature", 0.3);
        p.put("systemInstruction", "You are the support assistant.");
        p.put("enableBash", true);
        p.put("bashOptions", Map.of("allowDataPersistence", false, "toolList", List.of("ls"),
                "toolExclusionMode", "WhiteList"));
        p.put("reasoningEffort", "low");
        p.put("verbosity", "medium");
        p.put("flags", List.of("ThinkingProcess", "NoStopParameter"));
        p.put("moderationParameters", Map.of("violenceThreshold", 40, "jailbreakThreshold", 10));
        p.put("workerScriptSource", "https://workers.example.com/hook.js");
        p.put("additionalSettings", Map.of("team", "blue"));
        p.put("apiKey", "sk-provider-secret-1234");
        return p;
    }

    private String create(String name, Map<String, Object> parameters) {
        ApiClient.Response created = api.post("/api/v1/ai-gateways", Map.of("name", name, "parameters", parameters));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.text("aiGatewayId");
    }

    @Test
    void aGatewayKeepsEveryParameterItWasGivenAndNeverShowsItsApiKey() {
        String id = create("Support Bot", fullParameters());

        JsonNode view = api.get("/api/v1/ai-gateways/" + id).json();
        assertThat(view.path("name").asText()).isEqualTo("Support Bot");
        assertThat(view.path("slug").asText()).startsWith("support-bot:").hasSize("support-bot:".length() + 4);
        JsonNode p = view.path("parameters");
        assertThat(p.path("enableBash").asBoolean()).isTrue();
        assertThat(p.path("bashOptions").path("toolList").get(0).asText()).isEqualTo("ls");
        assertThat(p.path("moderationParameters").path("violenceThreshold").asInt()).isEqualTo(40);
        assertThat(p.path("workerScriptSource").asText()).isEqualTo("https://workers.example.com/hook.js");
        assertThat(p.path("additionalSettings").path("team").asText()).isEqualTo("blue");
        assertThat(p.path("reasoningEffort").asText()).isEqualTo("low");
        assertThat(p.path("apiKey").asText()).isEqualTo("********1234");
        assertThat(view.toString()).doesNotContain("sk-provider-secret");

        ApiClient.Response listed = api.get("/api/v1/ai-gateways?filter=support");
        assertThat(listed.json().findValuesAsText("id")).contains(id);
        JsonNode item = listed.json().get(0);
        assertThat(item.path("modelName").asText()).isEqualTo("gpt-4o");
        assertThat(item.path("inferenceEndpoint").asText()).endsWith("/v1/chat/completions");
        assertThat(api.get("/api/v1/ai-gateways?filter=nothing-like-it").json()).isEmpty();
    }

    @Test
    void editingMergesParametersKeepsTheKeyBehindItsMaskAndRenamesTheSlug() {
        String id = create("Editable", fullParameters());
        ApiClient.Response edited = api.patch("/api/v1/ai-gateways/" + id, Map.of("name", "Renamed Bot",
                "parameters", Map.of("temperature", 0.9, "apiKey", "********1234", "verbosity", "high")));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        JsonNode p = edited.json().path("parameters");
        assertThat(p.path("temperature").asDouble()).isEqualTo(0.9);
        assertThat(p.path("systemInstruction").asText()).as("untouched by the patch")
                .isEqualTo("You are the support assistant.");
        assertThat(p.path("apiKey").asText()).isEqualTo("********1234");
        assertThat(edited.json().path("slug").asText()).startsWith("renamed-bot:");

        Map<String, Object> removeKey = new HashMap<>();
        removeKey.put("apiKey", null);
        assertThat(api.patch("/api/v1/ai-gateways/" + id, Map.of("parameters", removeKey)).json()
                .path("parameters").has("apiKey")).isFalse();
    }

    @Test
    void deletedGatewaysAreGone() {
        String id = create("Short lived", Map.of("modelName", "gpt-4o"));
        assertThat(api.delete("/api/v1/ai-gateways/" + id).status()).isEqualTo(200);
        assertError(api.get("/api/v1/ai-gateways/" + id), 404, "not_found");
        assertError(api.delete("/api/v1/ai-gateways/" + id), 404, "not_found");
        assertError(api.get("/api/v1/ai-gateways/not-a-uuid"), 404, "not_found");
    }

    @Test
    void invalidParametersAreRejectedNamingTheField() {
        assertError(api.post("/api/v1/ai-gateways", Map.of("name", "x")), 422, "invalid_request");
        assertError(api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters", Map.of())), 422,
                "invalid_request");
        ApiClient.Response hot = api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters",
                Map.of("modelName", "gpt-4o", "temperature", 7)));
        assertError(hot, 422, "invalid_request");
        assertThat(hot.text("error")).contains("parameters.temperature");
        ApiClient.Response badFunction = api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters",
                Map.of("modelName", "gpt-4o", "protocolFunctions", List.of(Map.of("name", "x", "description",
                        "too short", "callbackUrl", "ftp://example.com", "contentFormat", Map.of("type", "object"))))));
        assertError(badFunction, 422, "invalid_request");
        assertThat(badFunction.text("error")).contains("protocolFunctions[0]");
        assertError(api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters", Map.of("modelName",
                "no-such-model"))), 422, "unknown_model");
        assertError(api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters", Map.of("modelName", "gpt-4o",
                "flags", List.of("MadeUpFlag")))), 422, "invalid_request");
        assertError(api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters", Map.of("modelName", "gpt-4o",
                "contextOverflowAction", "Explode"))), 422, "invalid_request");
        ApiClient.Response longKey = api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters",
                Map.of("modelName", "gpt-4o", "apiKey", "k".repeat(8193))));
        assertError(longKey, 422, "invalid_request");
        assertThat(longKey.text("error")).startsWith("parameters.apiKey");
        assertThat(api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters", Map.of("modelName", "gpt-4o",
                "apiKey", "k".repeat(8192)))).status()).as("a bearer token of 8 KB fits").isEqualTo(200);
    }

    @Test
    void aKeyOfAnotherTypeOrANullNameOrParametersIsRefusedNotSilentlyIgnored() {
        String id = create("Keyed", Map.of("modelName", "gpt-4o", "apiKey", "sk-gateway-0000abcd"));
        ApiClient.Response numberKey = api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters",
                Map.of("modelName", "gpt-4o", "apiKey", 12345)));
        assertError(numberKey, 422, "invalid_request");
        assertThat(numberKey.text("error")).isEqualTo("parameters.apiKey must be a string or null");
        assertError(api.patch("/api/v1/ai-gateways/" + id, Map.of("parameters", Map.of("apiKey",
                Map.of("value", "sk-other")))), 422, "invalid_request");
        Map<String, Object> nullName = new HashMap<>();
        nullName.put("name", null);
        Map<String, Object> nullParameters = new HashMap<>();
        nullParameters.put("parameters", null);
        assertThat(api.patch("/api/v1/ai-gateways/" + id, nullName).text("error")).isEqualTo(
                "name must be a string, not null");
        assertThat(api.patch("/api/v1/ai-gateways/" + id, nullParameters).text("error")).isEqualTo(
                "parameters must be a JSON object, not null");

        JsonNode kept = api.get("/api/v1/ai-gateways/" + id).json();
        assertThat(kept.path("name").asText()).isEqualTo("Keyed");
        assertThat(kept.path("parameters").path("apiKey").asText()).as("the stored key").isEqualTo("********abcd");
        ApiClient.Response farOut = api.post("/api/v1/ai-gateways", Map.of("name", "x", "parameters",
                Map.of("modelName", "gpt-4o", "knowledgeBaseMaximumResults", 99_999_999_999L)));
        assertError(farOut, 422, "invalid_request");
        assertThat(farOut.text("error")).as("the field's own range, not the int bounds")
                .isEqualTo("parameters.knowledgeBaseMaximumResults must be between 1 and 50");
    }

    @Test
    void v1ModelsListsTheRegisteredModelsThenTheGateways() {
        String id = create("Listed", Map.of("modelName", "gpt-4o"));
        JsonNode models = api.get("/v1/models").json();
        assertThat(models.path("object").asText()).isEqualTo("list");
        assertThat(models.path("data").findValuesAsText("id")).contains("gpt-4o", id);
        assertThat(models.path("data").get(0).path("object").asText()).isEqualTo("model");
        assertThat(olyx.api.anonymous().get("/v1/models").status()).isEqualTo(401);
    }

    @Test
    void skillsAreManagedImportedAndExported() throws Exception {
        ApiClient.Response created = api.post("/api/v1/skills", Map.of("slug", "summarizer", "description",
                "Summarizes text", "instructions", "Summarize concisely.", "options",
                Map.of("allowedToolsNames", List.of("web-search"), "instructionSources", List.of())));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.text("id");
        assertError(api.post("/api/v1/skills", Map.of("slug", "summarizer", "instructions", "Again")), 409,
                "duplicate_slug");
        assertError(api.post("/api/v1/skills", Map.of("slug", "no instructions")), 422, "invalid_request");
        assertThat(api.get("/api/v1/skills").json().get(0).path("allowedToolsCount").asInt()).isEqualTo(1);
        assertThat(api.put("/api/v1/skills/" + id, Map.of("slug", "summarizer", "instructions", "Be brief."))
                .json().path("instructions").asText()).isEqualTo("Be brief.");

        String jsonl = "{\"slug\":\"translator\",\"instructions\":\"Translate.\"}\n"
                + "{\"slug\":\"summarizer\",\"instructions\":\"Summarize in one line.\"}\n"
                + "not json\n{\"slug\":\"broken\"}\n";
        JsonNode imported = multipart("/api/v1/skills/management/import", jsonl);
        assertThat(imported.path("enqueued").asInt()).isEqualTo(2);
        assertThat(imported.path("skipped").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/skills/" + id).json().path("instructions").asText())
                .isEqualTo("Summarize in one line.");

        ApiClient.Response export = api.get("/api/v1/skills/management/export.jsonl");
        List<String> lines = export.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(ApiClient.JSON.readTree(lines.get(0)).path("options").has("allowedToolsNames")).isTrue();

        assertThat(api.delete("/api/v1/skills/" + id).status()).isEqualTo(200);
        assertError(api.get("/api/v1/skills/" + id), 404, "not_found");
        assertThat(api.delete("/api/v1/skills/management/clear").json().path("removedCount").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/skills").json()).isEmpty();
    }

    private JsonNode multipart(String path, String file) throws Exception {
        String boundary = "olyxboundary42";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"skills\"; filename=\"s.jsonl\"\r\n"
                + "Content-Type: application/jsonl\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + olyx.port() + path))
                .header("Authorization", "Bearer " + tenant.rawKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiClient.JSON.readTree(response.body());
    }

    @Test
    void memoryDeletionNeedsExactlyOneSelectorAndAValidFormat() {
        assertError(api.delete("/api/v1/memories"), 400, "invalid_query");
        assertError(api.delete("/api/v1/memories?id=0198683a-2b6d-7066-9598-6ea119c219f2&externalUserId=u"), 400,
                "invalid_query");
        assertError(api.delete("/api/v1/memories?externalUserId=u"), 400, "invalid_query");
        assertError(api.delete("/api/v1/memories?externalUserId=u&format=Poem"), 400, "invalid_query");
        assertError(api.delete("/api/v1/memories?id=0198683a-2b6d-7066-9598-6ea119c219f2"), 404, "not_found");
        assertError(api.get("/api/v1/memories/0198683a-2b6d-7066-9598-6ea119c219f2"), 404, "not_found");
        assertError(api.get("/api/v1/memories?format=Poem"), 400, "invalid_query");
        assertThat(api.delete("/api/v1/memories?externalUserId=nobody&format=Text").json().path("removedCount")
                .asInt()).isZero();
    }
}
