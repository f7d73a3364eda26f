package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.FakeBehavior;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every provider wire format, registered through the API and called through the real pipeline, plain and streamed. */
class ProviderFormatsEndToEndTest extends OlyxAgainstFakeProvider {
    RunningOlyx.Tenant tenant;

    Stream<Arguments> formats() {
        String base = provider.baseUrl();
        return Stream.of(
                Arguments.of("openai", base + "/v1", "sk-openai", Map.of("model", "gpt-4o")),
                Arguments.of("internal", base, "", Map.of("model", "llama3.1:8b")),
                Arguments.of("azure", base, "azure-key", Map.of("deployment", "prod-4o", "api_version", "2024-10-21")),
                Arguments.of("anthropic", base, "sk-ant", Map.of("model", "claude-3-5-haiku-latest")),
                Arguments.of("gemini", base, "goog-key", Map.of("model", "gemini-2.0-flash")),
                Arguments.of("bedrock", base, "AKIDEXAMPLE:wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
                        Map.of("model", "anthropic.claude-3-haiku-20240307-v1:0", "region", "us-east-1")));
    }

    @BeforeAll
    void start() {
        tenant = olyx.newTenant(owner, "Formats");
        formats().forEach(args -> {
            Object[] a = args.get();
            Map<String, Object> definition = new HashMap<>();
            definition.put("identifier", "via-" + a[0]);
            definition.put("provider", a[0]);
            definition.put("base_url", a[1]);
            if (!((String) a[2]).isEmpty()) {
                definition.put("api_key", a[2]);
            }
            definition.put("input_cost_per_1k", 0.001);
            definition.put("output_cost_per_1k", 0.002);
            definition.put("additional_config", a[3]);
            assertThat(owner.post("/api/v1/projects/" + tenant.projectId() + "/models",
                    Map.of("model_definition", definition)).status()).isEqualTo(201);
        });
    }

    @BeforeEach
    void reset() {
        provider.reset();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aRunIsAnsweredPricedAndRecorded(String kind, String base, String key, Map<String, Object> config) {
        provider.enqueue(FakeBehavior.text("Bonjour le monde.").withUsage(100, 50));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        ApiClient.Response answer = tenant.client().post("/api/v1/runs",
                Map.of("trace_id", trace, "model", "via-" + kind, "input", "Translate to French: Hello, world."));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.text("output")).isEqualTo("Bonjour le monde.");
        assertThat(answer.text("provider")).isEqualTo(kind);
        assertThat(answer.json().path("cost").decimalValue()).isEqualByComparingTo("0.0002");
        JsonNode step = tenant.client().get("/api/v1/traces/" + trace).json().path("steps").get(0);
        assertThat(step.path("usage").path("estimated").asBoolean()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("formats")
    void aStreamIsRelayedAsOpenAiChunks(String kind, String base, String key, Map<String, Object> config)
            throws Exception {
        provider.enqueue(FakeBehavior.text("Streaming from every format.").withUsage(10, 5));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        String body = ApiClient.JSON.writeValueAsString(Map.of("trace_id", trace, "model", "via-" + kind,
                "stream", true, "messages", List.of(Map.of("role", "user", "content", "Say it"))));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + olyx.port() + "/api/v1/chat/completions"))
                .header("Authorization", "Bearer " + tenant.rawKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        StringBuilder text = new StringBuilder();
        response.body().lines().filter(l -> l.startsWith("data: {")).forEach(l -> {
            try {
                text.append(ApiClient.JSON.readTree(l.substring(6)).path("choices").path(0).path("delta")
                        .path("content").asText(""));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(text.toString()).as(response.body()).isEqualTo("Streaming from every format.");
        assertThat(response.body()).contains("data: [DONE]");
    }
}
