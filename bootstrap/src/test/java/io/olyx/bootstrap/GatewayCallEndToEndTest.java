package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * AI gateway calls end to end: the real wiring, the fake provider, a loopback callback server for protocol
 * functions, and a knowledge collection indexed by the RAG service (the real search engine and embedding model).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayCallEndToEndTest {
    @TempDir
    static Path dataDir;

    FakeProviderServer provider;
    CallbackServer callbacks;
    RunningOlyx olyx;
    RunningOlyx.Tenant tenant;
    ApiClient owner;
    ApiClient api;
    String collection;

    @BeforeAll
    void start() {
        provider = FakeProviderServer.start();
        callbacks = CallbackServer.start();
        olyx = RunningOlyx.start(dataDir, Map.of("OLYX_OUTBOUND_ALLOW", "127.0.0.1:" + callbacks.port(),
                "OLYX_SSE_PING_MS", "150", "OLYX_CALLBACK_TIMEOUT_SECONDS", "1"));
        owner = olyx.owner();
        tenant = olyx.newTenant(owner, "Gateway calls");
        Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        Models.register(owner, tenant.projectId(), provider, "cheap", "openai", 0.0001, 0.0002, true, Map.of());
        Models.register(owner, tenant.projectId(), provider, "smart", "openai", 0.01, 0.03, true, Map.of());
        api = tenant.client();
        collection = indexKnowledge();
    }

    /** One of the project's knowledge collections, indexed by the RAG service through its API. */
    private String indexKnowledge() {
        ApiClient.Response created = api.post("/api/v1/collections", Map.of("collectionName", "Support knowledge"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        String id = created.text("collectionId");
        String documents = "/api/v1/collections/" + id + "/documents";
        assertThat(api.put(documents, Map.of("name", "Returns policy", "contents", "Returns are accepted within 30 "
                + "days of delivery when the original receipt is shown.")).status()).isEqualTo(200);
        assertThat(api.put(documents, Map.of("name", "Office life", "contents",
                "The office dog is a beagle named Biscuit.")).status()).isEqualTo(200);
        RagEndToEndTest.awaitIndexed(api, id, 2);
        return id;
    }

    @AfterAll
    void stop() {
        olyx.close();
        callbacks.close();
        provider.close();
    }

    @BeforeEach
    void resetProvider() {
        provider.reset();
    }

    private String gateway(String name, Map<String, Object> parameters) {
        ApiClient.Response created = api.post("/api/v1/ai-gateways", Map.of("name", name, "parameters", parameters));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.text("aiGatewayId");
    }

    private static Map<String, Object> function(String name, String url) {
        return Map.of("name", name, "description", "Looks up an order by its id.", "headers",
                Map.of("X-Api-Key", "cb-secret"), "callbackUrl", url, "contentFormat", Map.of("type", "object",
                        "required", List.of("orderId"), "properties", Map.of("orderId", Map.of("type", "string"))));
    }

    private ApiClient.Response chat(String model, String text, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(extra);
        body.put("model", model);
        body.put("messages", List.of(Map.of("role", "user", "content", text)));
        return api.post("/v1/chat/completions", body);
    }

    private JsonNode steps(ApiClient.Response answer) {
        return api.get("/api/v1/traces/" + answer.text("trace_id")).json().path("steps");
    }

    private JsonNode sent(int request) {
        return provider.requests().get(request).json();
    }

    private static List<String> toolNames(JsonNode request) {
        List<String> names = new ArrayList<>();
        request.path("tools").forEach(t -> names.add(t.path("function").path("name").asText()));
        return names;
    }

    @Test
    void aGatewayCallBringsInstructionsSkillAndKnowledgeAndRunsItsProtocolFunction() {
        String skill = api.post("/api/v1/skills", Map.of("slug", "orders", "instructions",
                "When asked about an order, look it up with lookup_order.", "options",
                Map.of("allowedToolsNames", List.of("lookup_order")))).text("id");
        callbacks.answer("/orders", 200, "{\"status\":\"shipped\",\"eta\":\"tomorrow\"}");
        Map<String, Object> p = new HashMap<>();
        p.put("modelName", "gpt-4o");
        p.put("systemInstruction", "You are Acme's support assistant.");
        p.put("skills", List.of(skill));
        p.put("hideToolsWithoutSkill", true);
        p.put("knowledgeCollections", List.of(collection));
        p.put("knowledgeBaseMaximumResults", 1);
        p.put("rerankerName", "lexical");
        p.put("protocolFunctions", List.of(function("lookup_order", callbacks.url("/orders"))));
        p.put("tools", List.of(Map.of("type", "function", "function", Map.of("name", "open_ticket",
                "parameters", Map.of("type", "object", "properties", Map.of())))));
        String id = gateway("Acme Support", p);
        String slug = api.get("/api/v1/ai-gateways/" + id).text("slug");
        provider.enqueue(FakeBehavior.toolCall("lookup_order", "{\"orderId\":\"A-17\"}").withUsage(100, 10),
                FakeBehavior.text("Your order A-17 has shipped; returns are accepted for 30 days.")
                        .withUsage(150, 12));

        ApiClient.Response answer = chat(slug, "Where is my order A-17, and can I return it later?",
                Map.of("metadata", Map.of("ticket", "T-9")));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().path("choices").get(0).path("message").path("content").asText())
                .startsWith("Your order A-17 has shipped");
        CallbackServer.Received callback = callbacks.received("/orders").get(0);
        assertThat(callback.method()).isEqualTo("POST");
        assertThat(callback.header("X-Api-Key")).isEqualTo("cb-secret");
        assertThat(callback.body()).isEqualTo("{\"orderId\":\"A-17\"}");

        JsonNode first = sent(0);
        String system = first.path("messages").get(0).path("content").asText();
        assertThat(first.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(system).contains("You are Acme's support assistant.").contains("## Skill: orders")
                .contains("Returns are accepted within 30 days").doesNotContain("Biscuit");
        assertThat(toolNames(first)).containsExactly("lookup_order").as("open_ticket has no enabling skill");
        assertThat(sent(1).path("messages").toString()).contains("tomorrow").doesNotContain(callbacks.url(""));

        JsonNode context = answer.json().path("generation_context");
        assertThat(context.path("runned_functions").get(0).path("name").asText()).isEqualTo("lookup_order");
        assertThat(context.path("runned_functions").get(0).path("succeeded").asBoolean()).isTrue();
        Map<String, Long> quantities = new HashMap<>();
        context.path("generated_usage").forEach(l -> quantities.put(l.path("sku").asText(), l.path("quantity").asLong()));
        assertThat(quantities).containsEntry("inference.chat_completions.in", 250L)
                .containsEntry("inference.chat_completions.out", 22L);
        assertThat(answer.json().path("usage").path("prompt_tokens").asInt()).isEqualTo(250);

        JsonNode trace = api.get("/api/v1/traces/" + answer.text("trace_id")).json();
        assertThat(trace.path("status").asText()).isEqualTo("completed");
        assertThat(trace.path("metadata").path("ticket").asText()).isEqualTo("T-9");
        JsonNode steps = trace.path("steps");
        assertThat(steps).hasSize(3);
        long asked = steps.get(0).path("id").asLong();
        assertThat(steps.get(1).path("type").asText()).isEqualTo("tool_call");
        assertThat(steps.get(1).path("parent_step_id").asLong()).isEqualTo(asked);
        assertThat(steps.get(2).path("parent_step_id").asLong()).isEqualTo(asked);
    }

    @Test
    void aRewriteStrategyAsksAModelForTheSearchTermAndPricesItOnItsOwnLine() {
        String id = gateway("Rewriting", Map.of("modelName", "gpt-4o", "knowledgeCollections",
                List.of(collection), "knowledgeBaseMaximumResults", 1, "queryStrategy", "UserRewrite",
                "queryStrategyParameters", Map.of("rewriteContextSize", 2)));
        provider.enqueue(FakeBehavior.text("returns policy for delivered orders").withUsage(30, 6),
                FakeBehavior.text("Within 30 days, with the receipt.").withUsage(120, 9));

        ApiClient.Response answer = api.post("/v1/chat/completions", Map.of("model", id, "messages", List.of(
                Map.of("role", "user", "content", "I bought a kettle last week."),
                Map.of("role", "assistant", "content", "Nice! How can I help?"),
                Map.of("role", "user", "content", "Can I still send it back?"))));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode rewrite = sent(0).path("messages");
        assertThat(rewrite.get(0).path("content").asText()).contains("standalone search query");
        assertThat(rewrite.get(1).path("content").asText()).contains("kettle").contains("send it back")
                .doesNotContain("How can I help");
        assertThat(sent(1).path("messages").get(0).path("content").asText())
                .contains("Returns are accepted within 30 days");
        List<String> skus = answer.json().path("generation_context").path("generated_usage").findValuesAsText("sku");
        assertThat(skus).contains("inference.resolving.query_rewrite.in", "inference.chat_completions.in");
        assertThat(answer.json().path("usage").path("prompt_tokens").asInt()).as("the rewrite is priced, not counted")
                .isEqualTo(120);
        JsonNode steps = steps(answer);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).path("purpose").asText()).isEqualTo("knowledge_query_rewrite");
    }

    @Test
    void theQueryFunctionStrategyLetsTheModelSearchTheKnowledgeItself() {
        String id = gateway("Searching", Map.of("modelName", "gpt-4o", "knowledgeCollections",
                List.of(collection), "knowledgeBaseMaximumResults", 1, "queryStrategy", "QueryFunction"));
        provider.enqueue(FakeBehavior.toolCall("search_knowledge", "{\"query\":\"office dog name\"}"),
                FakeBehavior.text("Biscuit."));

        ApiClient.Response answer = chat(id, "What is the dog called?", Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(toolNames(sent(0))).containsExactly("search_knowledge");
        assertThat(sent(0).path("messages").toString()).doesNotContain("beagle");
        assertThat(lastToolResult(1)).contains("beagle named Biscuit");
        JsonNode steps = steps(answer);
        List<String> types = new ArrayList<>();
        steps.forEach(step -> types.add(step.path("type").asText()));
        assertThat(types).containsExactly("run", "tool_call", "run");
    }

    @Test
    void callbackFailuresTimeoutsAndRefusedAddressesAreToldToTheModelNeverHangingTheCall() {
        callbacks.answer("/broken", 500, "boom").answer("/slow", 200, "{}", Duration.ofSeconds(3));
        String internal = "http://127.0.0.2:" + callbacks.port() + "/orders";
        String id = gateway("Fragile", Map.of("modelName", "gpt-4o", "protocolFunctions", List.of(
                function("broken_call", callbacks.url("/broken")), function("slow_call", callbacks.url("/slow")),
                function("internal_call", internal))));
        provider.enqueue(FakeBehavior.toolCall("broken_call", "{\"orderId\":\"1\"}"),
                FakeBehavior.toolCall("slow_call", "{\"orderId\":\"2\"}"),
                FakeBehavior.toolCall("internal_call", "{\"orderId\":\"3\"}"),
                FakeBehavior.toolCall("broken_call", "{\"wrong\":true}"),
                FakeBehavior.text("Sorry, the order system is down."));

        ApiClient.Response answer = chat(id, "Check my orders", Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(lastToolResult(1)).contains("HTTP status 500").contains("boom");
        assertThat(lastToolResult(2)).contains("did not answer").contains("timed out");
        assertThat(lastToolResult(3)).contains("not allowed").doesNotContain("127.0.0.2");
        assertThat(lastToolResult(4)).contains("$.orderId is required");
        JsonNode functions = answer.json().path("generation_context").path("runned_functions");
        assertThat(functions).hasSize(4);
        functions.forEach(f -> assertThat(f.path("succeeded").asBoolean()).isFalse());
        assertThat(callbacks.received("/broken")).as("invalid arguments are never sent").hasSize(1);
        JsonNode steps = steps(answer);
        assertThat(steps.findValuesAsText("type").stream().filter("tool_call"::equals).count()).isEqualTo(4);
    }

    private String lastToolResult(int request) {
        JsonNode messages = sent(request).path("messages");
        return messages.get(messages.size() - 1).path("content").asText();
    }

    @Test
    void mcpToolsAreListedWithTheSourcesHeadersAndCalledOnTheServer() {
        callbacks.respond("/mcp", CallEndToEndMcp::answer);
        String id = gateway("With MCP", Map.of("modelName", "gpt-4o", "mcpSources", List.of(Map.of("name",
                "weather-mcp", "url", callbacks.url("/mcp"), "headers", Map.of("Authorization", "Bearer mcp-token"),
                "cacheDuration", 60L))));
        provider.enqueue(FakeBehavior.toolCall("get_weather", "{\"city\":\"Lisbon\"}"),
                FakeBehavior.text("It is sunny in Lisbon."));

        ApiClient.Response answer = chat(id, "Weather in Lisbon?", Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(toolNames(sent(0))).containsExactly("get_weather");
        assertThat(lastToolResult(1)).isEqualTo("Sunny, 24 C");
        assertThat(callbacks.received("/mcp")).allSatisfy(r -> assertThat(r.header("Authorization"))
                .isEqualTo("Bearer mcp-token"));
        assertThat(callbacks.received("/mcp").stream().filter(r -> r.body().contains("tools/call")).findFirst()
                .orElseThrow().header("Mcp-Session-Id")).isEqualTo("session-1");
        assertThat(answer.json().path("generation_context").path("runned_functions").get(0).path("name").asText())
                .isEqualTo("get_weather");
    }

    @Test
    void instructionSourcesAreFetchedWithTheirHeadersCachedAndAFailingOneIsSkipped() {
        callbacks.answer("/instructions", 200, "Always greet in Portuguese.");
        String id = gateway("Sourced", Map.of("modelName", "gpt-4o", "systemInstructionsSources", List.of(
                Map.of("name", "house style", "url", callbacks.url("/instructions"), "headers",
                        Map.of("X-Docs-Token", "docs"), "cacheDuration", 300L),
                Map.of("name", "missing doc", "url", callbacks.url("/missing")))));
        provider.enqueue(FakeBehavior.text("Olá!"), FakeBehavior.text("Olá de novo!"));

        ApiClient.Response first = chat(id, "Hello", Map.of());
        chat(id, "Hello again", Map.of());

        assertThat(first.status()).isEqualTo(200);
        assertThat(sent(0).path("messages").get(0).path("content").asText()).contains("Always greet in Portuguese.");
        assertThat(sent(1).path("messages").get(0).path("content").asText()).contains("Always greet in Portuguese.");
        assertThat(callbacks.received("/instructions")).hasSize(1);
        assertThat(callbacks.received("/instructions").get(0).header("X-Docs-Token")).isEqualTo("docs");
        JsonNode step = steps(first).get(0);
        assertThat(step.path("instruction_source_errors").toString()).contains("missing doc");
    }

    @Test
    void complexityRoutingPicksTheGatewaysModelAndShowsTheRoutingLines() {
        String id = gateway("Routed", Map.of("modelName", "gpt-4o", "modelRoutingParameters", Map.of(
                "lowComplexityModelName", "cheap", "mediumComplexityModelName", "cheap",
                "highComplexityModelName", "smart")));
        provider.enqueue(FakeBehavior.text("Hello!").withUsage(20, 3));

        ApiClient.Response answer = chat(id, "Hi there", Map.of());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.text("model")).isEqualTo("cheap");
        List<String> skus = answer.json().path("generation_context").path("generated_usage").findValuesAsText("sku");
        assertThat(skus).startsWith("inference.resolving.routing_complexity.in",
                "inference.resolving.routing_complexity.out");
        JsonNode step = steps(answer).get(0);
        assertThat(step.path("tier").asText()).isEqualTo("simple");
    }

    @Test
    void theRoutedTiersReasoningEffortReplacesTheGatewaysButNotTheRequests() {
        String id = gateway("Effort per tier", Map.of("modelName", "gpt-4o", "reasoningEffort", "high",
                "modelRoutingParameters", Map.of("lowComplexityModelName", "cheap",
                        "lowComplexityModelReasoningEffort", "minimal", "mediumComplexityModelName", "cheap",
                        "highComplexityModelName", "smart")));
        provider.enqueue(FakeBehavior.text("Hello!").withUsage(20, 3));
        provider.enqueue(FakeBehavior.text("Hello!").withUsage(20, 3));

        ApiClient.Response routed = chat(id, "Hi there", Map.of());
        JsonNode sentRouted = provider.lastRequest().json();
        ApiClient.Response own = chat(id, "Hi there", Map.of("reasoning_effort", "medium"));
        JsonNode sentOwn = provider.lastRequest().json();

        assertThat(routed.status()).as(routed.toString()).isEqualTo(200);
        assertThat(routed.text("model")).isEqualTo("cheap");
        assertThat(sentRouted.path("reasoning_effort").asText()).as(sentRouted.toString()).isEqualTo("minimal");
        JsonNode step = steps(routed).get(0);
        assertThat(step.path("options").path("reasoning_effort").asText())
                .as("the step records what was sent, so a replay asks the same way").isEqualTo("minimal");
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(sentOwn.path("reasoning_effort").asText()).isEqualTo("medium");
    }

    @Test
    void aRequestInTheMediumBandGoesToTheGatewaysMediumModel() {
        String id = gateway("Three tiers", Map.of("modelName", "gpt-4o", "modelRoutingParameters", Map.of(
                "lowComplexityModelName", "cheap", "mediumComplexityModelName", "gpt-4o",
                "highComplexityModelName", "smart")));
        String project = "/api/v1/projects/" + tenant.projectId();
        // Every score is at least 0, so a band from 0 holds every request that is not complex.
        owner.patch(project, Map.of("project", Map.of("settings", Map.of("routing", Map.of("medium_threshold", 0)))));
        try {
            provider.enqueue(FakeBehavior.text("Hello!").withUsage(20, 3));

            ApiClient.Response answer = chat(id, "Hi there", Map.of());

            assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
            assertThat(answer.text("model")).isEqualTo("gpt-4o");
            JsonNode step = steps(answer).get(0);
            assertThat(step.path("tier").asText()).isEqualTo("medium");
        } finally {
            Map<String, Object> unset = new HashMap<>();
            unset.put("routing", null);
            owner.patch(project, Map.of("project", Map.of("settings", unset)));
        }
    }

    @Test
    void theModelRemembersAUserAndLaterConversationsOfThatUserRecallIt() {
        String id = gateway("Memory", Map.of("modelName", "gpt-4o"));
        provider.enqueue(FakeBehavior.toolCall("remember", "{\"content\":\"Prefers to be contacted by email\"}"),
                FakeBehavior.text("Noted."));
        assertThat(chat(id, "Please only email me.", Map.of("user", "cust-1")).status()).isEqualTo(200);

        JsonNode listed = api.get("/api/v1/memories?filter=email").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("externalUserId").asText()).isEqualTo("cust-1");
        assertThat(listed.get(0).path("format").asText()).isEqualTo("Text");
        JsonNode memory = api.get("/api/v1/memories/" + listed.get(0).path("id").asText()).json();
        assertThat(memory.path("content").asText()).isEqualTo("Prefers to be contacted by email");
        assertThat(memory.path("expiresAt").asText()).isGreaterThan(memory.path("createdAt").asText());

        provider.reset();
        provider.enqueue(FakeBehavior.text("Sure, by email."), FakeBehavior.text("Hello."),
                FakeBehavior.text("Hello again."));
        chat(id, "How will you reach me?", Map.of("user", "cust-1"));
        chat(id, "How will you reach me?", Map.of("user", "cust-2"));
        chat(id, "How will you reach me?", Map.of());
        assertThat(sent(0).path("messages").get(0).path("content").asText())
                .contains("Prefers to be contacted by email");
        assertThat(sent(1).toString()).doesNotContain("Prefers to be contacted");
        assertThat(toolNames(sent(1))).containsExactly("remember");
        assertThat(toolNames(sent(2))).as("no end user, no memory tool").isEmpty();

        JsonNode deleted = api.delete("/api/v1/memories?externalUserId=cust-1&format=Text").json();
        assertThat(deleted.path("removedCount").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/memories").json()).isEmpty();
    }

    @Test
    void aQuietStreamIsPingedUnlessTheClientAsksNotTo() throws Exception {
        String id = gateway("Streamer", Map.of("modelName", "gpt-4o"));
        provider.enqueue(FakeBehavior.text("Slow but sure.").delayFirstByte(Duration.ofMillis(700)),
                FakeBehavior.text("Slow but sure.").delayFirstByte(Duration.ofMillis(700)));

        String pinged = stream(id, false);
        String quiet = stream(id, true);

        assertThat(pinged.lines()).contains(": ping");
        assertThat(quiet.lines()).doesNotContain(": ping");
        for (String body : List.of(pinged, quiet)) {
            List<String> data = body.lines().filter(l -> l.startsWith("data: ")).map(l -> l.substring(6)).toList();
            assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
            StringBuilder text = new StringBuilder();
            JsonNode finish = null;
            for (String chunk : data.subList(0, data.size() - 1)) {
                JsonNode json = ApiClient.JSON.readTree(chunk);
                text.append(json.path("choices").path(0).path("delta").path("content").asText(""));
                if (!json.path("choices").path(0).path("finish_reason").isNull()) {
                    finish = json;
                }
            }
            assertThat(text.toString()).isEqualTo("Slow but sure.");
            assertThat(finish.path("generation_context").path("generated_usage")).isNotEmpty();
        }
    }

    /** The answer is recorded before its last chunk is written; a client gone by then is not a server error. */
    @Test
    void aStreamingClientThatLeavesEarlyLeavesItsStepAndNoServerError() throws Exception {
        String id = gateway("Leaver", Map.of("modelName", "gpt-4o"));
        CountDownLatch release = new CountDownLatch(1);
        provider.enqueue(FakeBehavior.text("one two three four five six").holdAfterFirstContent(release)
                .delayBetweenChunks(Duration.ofMillis(5)));
        List<ILoggingEvent> errors = errorsLoggedWhile(() -> {
            InputStream body = HttpClient.newHttpClient().send(streamRequest(id, true).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body();
            assertThat(body.read()).isPositive();
            body.close();
            release.countDown();

            String trace = api.get("/api/v1/traces").json().path("data").path(0).path("id").asText();
            JsonNode steps = MissingNode.getInstance();
            for (int i = 0; i < 200 && steps.isEmpty(); i++) {
                Thread.sleep(25);
                steps = api.get("/api/v1/traces/" + trace).json().path("steps");
            }
            assertThat(steps).as("the left stream's step").isNotEmpty();
        });
        assertThat(errors).as("errors logged for the left stream").isEmpty();
    }

    private interface Scenario {
        void run() throws Exception;
    }

    /** What ErrorHandling logged while the scenario ran and half a second after (a late failure included). */
    private static List<ILoggingEvent> errorsLoggedWhile(Scenario scenario) throws Exception {
        ListAppender<ILoggingEvent> errors = new ListAppender<>();
        Logger errorHandling = (Logger) LoggerFactory.getLogger("io.olyx.adapter.http.ErrorHandling");
        errors.start();
        errorHandling.addAppender(errors);
        try {
            scenario.run();
            Thread.sleep(500);
            return List.copyOf(errors.list);
        } finally {
            errorHandling.detachAppender(errors);
        }
    }

    /** generation_context's money follows the one rule: plain digits without trailing zeros, streamed or not. */
    @Test
    void generatedUsageWritesMoneyInPlainDigitsWithoutTrailingZeros() throws Exception {
        Models.register(owner, tenant.projectId(), provider, "tiny", "openai", 0.0000001, 0.00000012, true, Map.of());
        String id = gateway("Priced", Map.of("modelName", "gpt-4o"));
        provider.enqueue(FakeBehavior.text("ok").withUsage(30, 4), FakeBehavior.text("ok").withUsage(30, 4));

        String answered = chat(id, "Hi", Map.of()).body();
        String streamed = stream("tiny", true);

        assertThat(answered).contains("\"amount\":0.000075,\"unit_price\":0.0000025,\"quantity\":30");
        assertThat(streamed).contains("\"amount\":0.000000003,\"unit_price\":0.0000000001,\"quantity\":30")
                .doesNotContainPattern("[0-9]E-?[0-9]");
    }

    /**
     * A client that leaves while the model is still choosing the client's tools: the held tool calls find no one to
     * write to, and that is no server error (the round is recorded by then), as for a text answer.
     */
    @Test
    void aStreamingClientThatLeavesBeforeItsToolCallsAreReleasedIsNoServerError() throws Exception {
        String id = gateway("Tool leaver", Map.of("modelName", "gpt-4o"));
        provider.enqueue(FakeBehavior.toolCall("open_ticket", "{\"title\":\"x\"}")
                .delayFirstByte(Duration.ofMillis(800)));
        List<ILoggingEvent> errors = errorsLoggedWhile(() -> {
            Map<String, Object> tool = Map.of("type", "function", "function", Map.of("name", "open_ticket",
                    "parameters", Map.of("type", "object")));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + olyx.port()
                            + "/v1/chat/completions")).header("Authorization", "Bearer " + tenant.rawKey())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of("model", id,
                            "stream", true, "tools", List.of(tool), "messages",
                            List.of(Map.of("role", "user", "content", "Open a ticket")))))).build();
            long before = traceCount();
            InputStream body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream())
                    .body();
            assertThat(body.read()).as("the first ping").isPositive();
            body.close();

            for (int i = 0; i < 200 && traceCount() == before; i++) {
                Thread.sleep(25);
            }
            JsonNode steps = api.get("/api/v1/traces/" + latestTrace()).json().path("steps");
            assertThat(steps).as("the left stream's step").isNotEmpty();
        });
        assertThat(errors).as("errors logged for the left stream").isEmpty();
    }

    private long traceCount() {
        return api.get("/api/v1/traces?per_page=1").json().path("total").asLong();
    }

    private HttpRequest.Builder streamRequest(String model, boolean noPing) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + olyx.port()
                        + "/v1/chat/completions")).header("Authorization", "Bearer " + tenant.rawKey())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ApiClient.JSON.writeValueAsString(Map.of("model", model,
                        "stream", true, "messages", List.of(Map.of("role", "user", "content", "Go"))))));
        if (noPing) {
            request.header("Sse-Stream-Options", "no-ping");
        }
        return request;
    }

    private String stream(String model, boolean noPing) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(streamRequest(model, noPing).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void theOfficialOpenAiClientStreamsAGatewayToolLoopThroughPings() {
        callbacks.answer("/orders", 200, "{\"status\":\"shipped\"}");
        String id = gateway("Streamed tools", Map.of("modelName", "gpt-4o", "protocolFunctions",
                List.of(function("lookup_order", callbacks.url("/orders")))));
        provider.enqueue(FakeBehavior.toolCall("lookup_order", "{\"orderId\":\"B-2\"}"),
                FakeBehavior.text("It has shipped.").delayFirstByte(Duration.ofMillis(500)));
        StringBuilder text = new StringBuilder();
        List<Object> toolCalls = new ArrayList<>();
        try (StreamResponse<ChatCompletionChunk> stream = openai().chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model(id).addUserMessage("Where is B-2?").build())) {
            stream.stream().forEach(chunk -> chunk.choices().forEach(c -> {
                c.delta().content().ifPresent(text::append);
                c.delta().toolCalls().ifPresent(toolCalls::addAll);
            }));
        }
        assertThat(text.toString()).isEqualTo("It has shipped.");
        assertThat(toolCalls).as("server-side calls stay on the server").isEmpty();
        assertThat(callbacks.received("/orders")).isNotEmpty();
    }

    @Test
    void theOfficialOpenAiClientCallsAGatewayAndARegisteredModel() {
        String id = gateway("Plain", Map.of("modelName", "gpt-4o", "systemInstruction", "Be kind.",
                "assistantPrefill", "Certainly: ", "includePrefillingInMessages", true));
        provider.enqueue(FakeBehavior.text("here it is.").withUsage(30, 4), FakeBehavior.text("Direct.")
                .withUsage(10, 2));

        ChatCompletion viaGateway = openai().chat().completions().create(ChatCompletionCreateParams.builder()
                .model(id).addUserMessage("Help me").build());
        ChatCompletion direct = openai().chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o").addUserMessage("Help me").build());

        assertThat(viaGateway.choices().get(0).message().content()).contains("Certainly: here it is.");
        assertThat(viaGateway._additionalProperties()).containsKey("generation_context");
        JsonNode prefilled = sent(0).path("messages");
        assertThat(prefilled.get(prefilled.size() - 1).path("role").asText()).isEqualTo("assistant");
        assertThat(direct.choices().get(0).message().content()).contains("Direct.");
        assertThat(direct.usage().orElseThrow().totalTokens()).isEqualTo(12);
        assertThat(sent(1).path("messages")).hasSize(1);
    }

    private OpenAIClient openai() {
        return OpenAIOkHttpClient.builder().apiKey(tenant.rawKey()).baseUrl("http://127.0.0.1:" + olyx.port() + "/v1")
                .maxRetries(0).build();
    }

    @Test
    void badInputsAnswerInTheSeedErrorShape() {
        assertError(chat("no-such-gateway", "Hi", Map.of()), 404, "model_not_found");
        assertError(api.post("/v1/chat/completions", Map.of("messages", List.of(Map.of("role", "user",
                "content", "Hi")))), 422, "invalid_request");
        String tight = gateway("Tight", Map.of("modelName", "gpt-4o", "contextMaximumSize", 5));
        ApiClient.Response tooLong = chat(tight, "This message is certainly longer than five tokens.", Map.of());
        assertError(tooLong, 400, "context_length_exceeded");
        assertThat(tooLong.json().path("limit").asInt()).isEqualTo(5);
        assertThat(provider.requestCount()).as("nothing reached the model").isZero();
        String streamed = gateway("Tight stream", Map.of("modelName", "gpt-4o", "contextMaximumSize", 5));
        assertError(api.post("/v1/chat/completions", Map.of("model", streamed, "stream", true, "messages",
                List.of(Map.of("role", "user", "content", "Far too long for this gateway.")))), 400,
                "context_length_exceeded");
    }

    /** The registry's provider key is the admin's secret: a provider quoting it back must not hand it to a key holder. */
    @Test
    void aProviderKeyTheProviderQuotesBackIsMaskedInTheAnswerAndTheStep() {
        String id = gateway("Echoing provider", Map.of("modelName", "gpt-4o"));
        provider.enqueue(FakeBehavior.error(401, "Incorrect API key provided: Bearer sk-test-gpt-4o"),
                FakeBehavior.error(500, "upstream refused sk-test-gpt-4o"));

        ApiClient.Response refused = chat(id, "Hi", Map.of());
        String refusedTrace = latestTrace();
        ApiClient.Response failed = chat("gpt-4o", "Hi", Map.of());
        String failedTrace = latestTrace();

        assertError(refused, 502, "provider_rejected_request");
        assertError(failed, 502, "provider_unreachable");
        assertThat(refused.body() + failed.body()).as("the answers").doesNotContain("sk-test-gpt-4o")
                .contains("Incorrect API key provided: Bearer ********").contains("upstream refused ********");
        for (String trace : List.of(refusedTrace, failedTrace)) {
            JsonNode attempts = api.get("/api/v1/traces/" + trace).json().path("steps").path(0).path("attempts");
            assertThat(attempts.path(0).path("error").asText()).as("the step's attempt").contains("********")
                    .doesNotContain("sk-test-gpt-4o");
        }
    }

    private String latestTrace() {
        return api.get("/api/v1/traces?per_page=1").json().path("data").path(0).path("id").asText();
    }

    @Test
    void truncationKeepsTheSystemPromptAndTheNewestTurns() {
        String id = gateway("Truncating", Map.of("modelName", "gpt-4o", "systemInstruction", "Be brief.",
                "contextMaximumSize", 40, "contextOverflowAction", "Truncate"));
        provider.enqueue(FakeBehavior.text("ok"));
        List<Map<String, Object>> messages = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            messages.add(Map.of("role", i % 2 == 0 ? "user" : "assistant", "content",
                    "Turn number " + i + " says a few words about the weather today."));
        }
        messages.add(Map.of("role", "user", "content", "Latest question"));
        assertThat(api.post("/v1/chat/completions", Map.of("model", id, "messages", messages)).status())
                .isEqualTo(200);
        JsonNode sentMessages = sent(0).path("messages");
        assertThat(sentMessages.size()).isLessThan(messages.size());
        assertThat(sentMessages.get(0).path("content").asText()).isEqualTo("Be brief.");
        assertThat(sentMessages.get(sentMessages.size() - 1).path("content").asText()).isEqualTo("Latest question");
    }
}
