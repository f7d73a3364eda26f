package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.fixtures.provider.FakeBehavior;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Spend caps, loop detection and rate limits as a client meets them, on one node with the embedded database. */
class AdmissionEndToEndTest extends OlyxAgainstFakeProvider {

    @BeforeAll
    void start() {
        provider.setDefault(FakeBehavior.text("ok").withUsage(10, 50));
    }

    @Test
    void twoHundredConcurrentCallsNeverSpendPastTheHourlyCap() throws Exception {
        SpendRace race = SpendRace.prepare(owner, provider, List.of(olyx.api), "Capped");
        SpendRace.Result result = race.fire(200);

        assertThat(result.answered()).isPositive();
        assertThat(result.refused()).isPositive();
        assertThat(result.otherStatuses()).isEmpty();
        assertThat(race.recordedSpend(owner)).isLessThanOrEqualTo(SpendRace.LIMIT);
        assertThat(race.keyStatus(owner)).isEqualTo("tripped");
        ApiClient.Response refused = race.client(olyx.api).post("/api/v1/executions",
                race.body(race.trace(olyx.api), -1));
        assertError(refused, 429, "spend_limit_exceeded");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    }

    @Test
    void anAgentRepeatingItselfIsHaltedAndTheKeyPaused() {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Loopy", Map.of());
        owner.patch("/api/v1/projects/" + tenant.projectId(), Map.of("project", Map.of("settings", Map.of(
                "loop_detection", Map.of("threshold", 3, "window_seconds", 600)))));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        Map<String, Object> same = Map.of("trace_id", trace, "input", "Check the order status again please");
        assertThat(tenant.client().post("/api/v1/executions", same).status()).isEqualTo(200);
        assertThat(tenant.client().post("/api/v1/executions", Map.of("trace_id", trace,
                "input", "Something different")).status()).isEqualTo(200);
        assertThat(tenant.client().post("/api/v1/executions", same).status()).isEqualTo(200);

        ApiClient.Response halted = tenant.client().post("/api/v1/executions", same);

        assertError(halted, 429, "loop_detected");
        var key = owner.get("/api/v1/keys?project_id=" + tenant.projectId()).json().get(0);
        assertThat(key.path("status").asText()).isEqualTo("loop_detected");
        assertThat(key.path("loop_intervention_count").asInt()).isEqualTo(1);
        owner.patch("/api/v1/keys/" + tenant.keyId(), Map.of("status", "active"));
        var steps = tenant.client().get("/api/v1/traces/" + trace).json().path("steps");
        assertThat(steps.get(steps.size() - 1).path("loop_intervention").asBoolean()).isTrue();
        assertThat(steps.get(steps.size() - 1).path("status").asText()).isEqualTo("blocked");
        assertThat(tenant.client().post("/api/v1/executions", Map.of("trace_id", trace,
                "input", "A new question")).status()).isEqualTo(200);
    }

    /** A bake-off of models on one prompt, or the same prompt with other tools, is not an agent repeating itself. */
    @Test
    void theSamePromptPutToOtherModelsOrWithOtherToolsIsNotALoop() {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Bake-off", Map.of());
        owner.patch("/api/v1/projects/" + tenant.projectId(), Map.of("project", Map.of("settings", Map.of(
                "loop_detection", Map.of("threshold", 3, "window_seconds", 600)))));
        for (String model : List.of("rival-a", "rival-b")) {
            Models.register(owner, tenant.projectId(), provider, model, "openai", 0.01, 0.02, false, Map.of());
        }
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        String prompt = "Summarise the incident report in two sentences";
        List<Map<String, Object>> tools = List.of(Map.of("type", "function", "function", Map.of("name", "lookup",
                "parameters", Map.of("type", "object"))));

        for (String model : List.of("metered", "rival-a", "rival-b")) {
            ApiClient.Response run = tenant.client().post("/api/v1/runs", Map.of("trace_id", trace, "model", model,
                    "input", prompt));
            assertThat(run.status()).as(model + ": " + run).isEqualTo(200);
            ApiClient.Response embedded = tenant.client().post("/api/v1/embeddings", Map.of("trace_id", trace,
                    "model", model, "input", prompt));
            assertThat(embedded.status()).as(model + ": " + embedded).isEqualTo(200);
        }
        assertThat(tenant.client().post("/api/v1/executions", Map.of("trace_id", trace, "input", prompt)).status())
                .isEqualTo(200);
        ApiClient.Response withTools = tenant.client().post("/api/v1/executions", Map.of("trace_id", trace,
                "input", prompt, "tools", tools));
        assertThat(withTools.status()).as(withTools.toString()).isEqualTo(200);
        Map<String, Object> again = Map.of("trace_id", trace, "model", "rival-a", "input", prompt);
        assertThat(tenant.client().post("/api/v1/runs", again).status()).isEqualTo(200);

        assertError(tenant.client().post("/api/v1/runs", again), 429, "loop_detected");
    }

    @Test
    void theRateLimitRefusesWithRetryAfter() {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Limited", Map.of());
        owner.patch("/api/v1/projects/" + tenant.projectId(), Map.of("project", Map.of("settings", Map.of(
                "rate_limit", Map.of("requests_per_minute", 3)))));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(tenant.client().post("/api/v1/executions", Map.of("trace_id", trace,
                    "input", "question " + i)).status());
        }
        assertThat(statuses.subList(0, 3)).containsOnly(200);
        assertThat(statuses.subList(3, 5)).allMatch(s -> s == 429 || s == 200);
        ApiClient.Response limited = tenant.client().post("/api/v1/executions", Map.of("trace_id", trace,
                "input", "one more"));
        if (limited.status() == 429) {
            assertError(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(statuses).contains(429);
    }

    @Test
    void anIdempotentRetryGetsTheFirstAnswerAndDoesNotCallTheModelAgain() throws Exception {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Idempotent", Map.of());
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        Map<String, Object> body = Map.of("trace_id", trace, "input", "Only once please");
        int before = provider.requestCount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ApiClient.Response>> retries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            retries.add(pool.submit(() -> tenant.client().send("POST", "/api/v1/executions",
                    ApiClient.JSON.writeValueAsString(body), "Idempotency-Key", "exec-once-1")));
        }
        List<Long> stepIds = new ArrayList<>();
        for (Future<ApiClient.Response> retry : retries) {
            ApiClient.Response response = retry.get();
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            stepIds.add(response.json().path("step_id").asLong());
        }
        pool.shutdown();
        assertThat(stepIds).containsOnly(stepIds.get(0));
        assertThat(provider.requestCount() - before).isEqualTo(1);
        assertThat(tenant.client().get("/api/v1/traces/" + trace).json().path("steps")).hasSize(1);
        ApiClient.Response different = tenant.client().send("POST", "/api/v1/executions",
                ApiClient.JSON.writeValueAsString(Map.of("trace_id", trace, "input", "Something else")),
                "Idempotency-Key", "exec-once-1");
        assertError(different, 422, "idempotency_key_reused");
    }

    @Test
    void anIdempotentRetryIsComparedByItsJsonNotItsBytes() {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Canonical", Map.of());
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        int before = provider.requestCount();

        ApiClient.Response first = tenant.client().send("POST", "/api/v1/executions",
                "{\"trace_id\":\"" + trace + "\",\"input\":\"caf\u00e9\",\"max_tokens\":1000}",
                "Idempotency-Key", "canonical-1");
        ApiClient.Response retry = tenant.client().send("POST", "/api/v1/executions",
                "{\n  \"max_tokens\": 1e3,\n  \"input\": \"caf\\u00e9\",\n  \"trace_id\": \"" + trace + "\"\n}\n",
                "Idempotency-Key", "canonical-1");
        ApiClient.Response other = tenant.client().send("POST", "/api/v1/executions",
                "{\"trace_id\":\"" + trace + "\",\"input\":\"cafe\",\"max_tokens\":1000}",
                "Idempotency-Key", "canonical-1");

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.json().path("step_id").asLong()).isEqualTo(first.json().path("step_id").asLong());
        assertThat(provider.requestCount() - before).isEqualTo(1);
        assertError(other, 422, "idempotency_key_reused");
    }

    @Test
    void theMonthlySpendIsWrittenLikeEveryOtherAmount() {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Spend digits", Map.of());
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        ApiClient.Response call = tenant.client().post("/api/v1/executions", Map.of("trace_id", trace, "input", "hi"));
        String cost = amount(call.body(), "cost");

        String project = owner.get("/api/v1/projects/" + tenant.projectId()).body();

        assertThat(cost).matches("0\\.\\d*[1-9]");
        assertThat(amount(project, "total_monthly_spend")).isEqualTo(cost);
    }

    /** An amount as the server wrote it (its first occurrence), so that its digits are checked, not its value. */
    private static String amount(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":([^,}]+)").matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    @Test
    void trippedKeysCanBeResetByAnAdmin() {
        RunningOlyx.Tenant tenant = SpendRace.tenantWithModel(owner, provider, olyx.api, "Reset",
                Map.of("hourly_limit", new BigDecimal("0.000001")));
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        assertError(tenant.client().post("/api/v1/executions", Map.of("trace_id", trace, "input", "hi")), 429,
                "spend_limit_exceeded");
        owner.patch("/api/v1/keys/" + tenant.keyId(), Map.of("status", "active", "hourly_limit", 10));
        assertThat(tenant.client().post("/api/v1/executions", Map.of("trace_id", trace, "input", "hi")).status())
                .isEqualTo(200);
    }
}
