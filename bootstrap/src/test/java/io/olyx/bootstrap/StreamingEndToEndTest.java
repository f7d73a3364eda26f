package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.olyx.fixtures.provider.FakeBehavior;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Streaming and OpenAI compatibility, proven with the official openai-java client pointed at Olyx. */
class StreamingEndToEndTest extends OlyxAgainstFakeProvider {
    RunningOlyx.Tenant tenant;
    String rawKey;
    OpenAIClient openai;

    @BeforeAll
    void start() {
        tenant = olyx.newTenant(owner, "Streaming");
        Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        owner.patch("/api/v1/projects/" + tenant.projectId(), Map.of("project", Map.of("settings", Map.of(
                "routing_tiers", Map.of("simple", "gpt-4o", "complex", "gpt-4o")))));
        rawKey = tenant.rawKey();
        openai = OpenAIOkHttpClient.builder().apiKey(rawKey)
                .baseUrl("http://127.0.0.1:" + olyx.port() + "/api/v1").maxRetries(0).build();
    }

    @BeforeEach
    void resetProvider() {
        provider.reset();
    }

    @Test
    void theOfficialOpenAiClientGetsACompletionAndOlyxRedactsPii() {
        provider.enqueue(FakeBehavior.text("Sure, I can help.").withUsage(20, 5));
        ChatCompletion completion = openai.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addSystemMessage("You are a helpful assistant.")
                .addUserMessage("My email is user@example.com. Can you help?")
                .build());

        assertThat(completion.choices().get(0).message().content()).contains("Sure, I can help.");
        assertThat(completion.model()).isEqualTo("gpt-4o");
        assertThat(completion.usage().orElseThrow().promptTokens()).isEqualTo(20);
        String sent = provider.lastRequest().bodyText();
        assertThat(sent).doesNotContain("user@example.com").contains("[EMAIL");
        String traceId = completion._additionalProperties().get("trace_id").toString().replace("\"", "");
        JsonNode trace = tenant.client().get("/api/v1/traces/" + traceId).json();
        assertThat(trace.path("status").asText()).as("a call without trace_id gets its own, completed, trace")
                .isEqualTo("completed");
        assertThat(trace.path("steps").get(0).path("security").path("pii_detected").asBoolean()).isTrue();
    }

    @Test
    void theOfficialOpenAiClientStreamsWithUsage() {
        provider.enqueue(FakeBehavior.text("Streaming works nicely today.").withUsage(12, 6));
        StringBuilder text = new StringBuilder();
        List<Long> usage = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("gpt-4o").addUserMessage("Say something")
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                chunk.usage().ifPresent(u -> usage.add(u.totalTokens()));
            });
        }
        assertThat(text.toString()).isEqualTo("Streaming works nicely today.");
        assertThat(usage).containsExactly(18L);
    }

    @Test
    void executionStreamsAreOpenAiChunksEndingWithDoneAndRecordedLikePlainCalls() throws Exception {
        provider.enqueue(FakeBehavior.text("Bonjour le monde.").withUsage(30, 7));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + olyx.port() + "/api/v1/executions/stream?trace_id=" + trace + "&input="
                                + URLEncoder.encode("Translate to French: Hello", StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + rawKey).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<String> data = response.body().lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6))
                .toList();
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        StringBuilder text = new StringBuilder();
        for (String chunk : data.subList(0, data.size() - 1)) {
            JsonNode json = ApiClient.JSON.readTree(chunk);
            assertThat(json.path("object").asText()).isEqualTo("chat.completion.chunk");
            text.append(json.path("choices").path(0).path("delta").path("content").asText(""));
        }
        assertThat(text.toString()).isEqualTo("Bonjour le monde.");
        JsonNode step = tenant.client().get("/api/v1/traces/" + trace).json().path("steps").get(0);
        assertThat(step.path("usage").path("total_tokens").asInt()).isEqualTo(37);
        assertThat(step.path("cost").decimalValue()).isEqualByComparingTo("0.000145");
    }

    @Test
    void anInputTooLongForAQueryStringStreamsWhenPosted() throws Exception {
        provider.enqueue(FakeBehavior.text("Summary ready.").withUsage(3000, 4));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        String input = "Summarise our refund policy, café menu included. ".repeat(200);
        assertThat(input.length()).isLessThan(10_000);
        String url = "http://127.0.0.1:" + olyx.port() + "/api/v1/executions/stream";
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> queried = http.send(HttpRequest.newBuilder(URI.create(url + "?trace_id=" + trace
                        + "&input=" + URLEncoder.encode(input, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + rawKey).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + rawKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of("trace_id", trace,
                        "input", input, "include_usage", true)))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(queried.statusCode()).as("the request head is capped at 8 KiB").isEqualTo(414);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.body()).contains("Summary", "\"total_tokens\":3004").endsWith("data: [DONE]\n\n");
        assertThat(provider.lastRequest().bodyText()).contains("café menu included.");
    }

    @Test
    void theFirstChunkArrivesBeforeTheProviderHasFinished() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        provider.enqueue(FakeBehavior.text("first part, then the rest").holdAfterFirstContent(release));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + olyx.port() + "/api/v1/executions/stream?trace_id=" + trace
                                + "&input=hello")).header("Authorization", "Bearer " + rawKey).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String firstData = reader.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
            assertThat(firstData).contains("chat.completion.chunk");
            assertThat(provider.completedCount()).as("the provider is still holding the rest").isZero();
            release.countDown();
            assertThat(reader.lines().filter(l -> l.startsWith("data: ")).reduce((a, b) -> b)).contains(
                    "data: [DONE]");
        }
    }

    @Test
    void aClientThatDisconnectsMidStreamStillLeavesARecordedStep() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        provider.enqueue(FakeBehavior.text("one two three four five six seven").holdAfterFirstContent(release)
                .delayBetweenChunks(Duration.ofMillis(5)));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + olyx.port() + "/api/v1/executions/stream?trace_id=" + trace
                                + "&input=count")).header("Authorization", "Bearer " + rawKey).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        InputStream body = response.body();
        assertThat(body.read()).isPositive();
        body.close();
        release.countDown();

        JsonNode steps = awaitSteps(trace);
        assertThat(steps.get(0).path("type").asText()).isEqualTo("run");
        assertThat(steps.get(0).path("usage").path("completion_tokens").asInt()).isPositive();
    }

    @Test
    void aStreamedCallRetriedWithItsIdempotencyKeyGetsTheSameEventsWithoutASecondCall() {
        provider.enqueue(FakeBehavior.text("Said once, streamed twice.").withUsage(9, 5));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        Map<String, Object> body = Map.of("trace_id", trace, "stream", true, "model", "gpt-4o",
                "messages", List.of(Map.of("role", "user", "content", "Say it once")));

        ApiClient.Response first = tenant.client().send("POST", "/api/v1/chat/completions", body,
                "Idempotency-Key", "stream-retry-1");
        ApiClient.Response retry = tenant.client().send("POST", "/api/v1/chat/completions", body,
                "Idempotency-Key", "stream-retry-1");

        assertThat(first.body()).contains("\"content\":\"twice.\"").endsWith("data: [DONE]\n\n");
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(provider.completedCount()).as("the retry is answered from the kept events").isEqualTo(1);
        assertThat(tenant.client().get("/api/v1/traces/" + trace).json().path("steps")).hasSize(1);
    }

    private JsonNode awaitSteps(String trace) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            JsonNode steps = tenant.client().get("/api/v1/traces/" + trace).json().path("steps");
            if (!steps.isEmpty()) {
                return steps;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("no step was recorded for the disconnected stream");
    }
}
