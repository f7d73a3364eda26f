package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.FakeBehavior;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seed 001 "Get a trace" and "Complete a trace": every documented field is in the answers, and grades follow the
 * rules written in docs/api.md (a simple untiered step on a pricier model than the cheapest one is over-spent).
 */
class TraceGradingEndToEndTest extends OlyxAgainstFakeProvider {
    static final List<String> SUMMARY_FIELDS = List.of("total_latency_ms", "total_cost", "revenue", "gross_margin",
            "latency_p50", "latency_p95", "latency_p99", "optimization_grade", "grades", "step_count", "chain_depth",
            "tool_overhead_ms", "stall_probability");
    static final List<String> SECURITY_FIELDS = List.of("pii_detected", "injection_attempt", "secret_leaked",
            "tool_fidelity_score", "shadow_score");

    RunningOlyx.Tenant tenant;

    @BeforeAll
    void start() {
        tenant = olyx.newTenant(owner, "Grading");
        Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        Models.register(owner, tenant.projectId(), provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true,
                Map.of());
        Models.register(owner, tenant.projectId(), provider, "twice-mini", "openai", 0.0003, 0.0012, true, Map.of());
    }

    private String traceWithRuns(String model, int runs) {
        String trace = tenant.client().post("/api/v1/traces", Map.of("metadata",
                Map.of("user_id", "user_123", "task", "translation"), "revenue", 0.50)).text("id");
        tenant.client().post("/api/v1/checks", Map.of("trace_id", trace, "input", "Summarize this short note."));
        for (int i = 0; i < runs; i++) {
            provider.enqueue(FakeBehavior.text("Bonjour.").withUsage(100, 20));
            tenant.client().post("/api/v1/runs", Map.of("trace_id", trace, "model", model,
                    "input", "Summarize this short note, number " + i));
        }
        return trace;
    }

    @Test
    void completeAndGetShowEverySeedField() {
        String trace = traceWithRuns("gpt-4o", 1);

        JsonNode done = tenant.client().patch("/api/v1/traces/" + trace + "/complete", null).json();
        JsonNode read = tenant.client().get("/api/v1/traces/" + trace).json();

        assertThat(done.fieldNames()).toIterable().contains("id", "status", "created_at", "metadata", "revenue",
                "optimization_grade", "grades", "total_cost", "summary");
        assertThat(done.path("metadata").path("user_id").asText()).isEqualTo("user_123");
        assertThat(done.path("summary").fieldNames()).toIterable().contains("total_cost", "revenue", "gross_margin",
                "by_model", "by_infrastructure");
        assertThat(done.path("summary").path("by_infrastructure").fieldNames()).toIterable()
                .contains("public_cloud", "private");
        assertThat(done.path("summary").path("gross_margin").decimalValue()).isEqualByComparingTo(
                new BigDecimal("0.5").subtract(done.path("total_cost").decimalValue()));
        assertThat(read.path("summary").fieldNames()).toIterable().containsAll(SUMMARY_FIELDS);
        assertThat(read.path("security").fieldNames()).toIterable().containsAll(SECURITY_FIELDS);
        assertThat(read.has("routing_decision")).isTrue();
        assertThat(read.path("summary").path("step_count").asInt()).isEqualTo(2);
        assertThat(read.path("summary").path("tool_overhead_ms").isNull()).isTrue();
        assertThat(read.path("steps")).extracting(s -> s.path("type").asText()).containsExactly("check", "run");
        JsonNode run = read.path("steps").get(1);
        assertThat(run.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(run.path("output").asText()).isEqualTo("Bonjour.");
        assertThat(run.path("latency_ms").isNumber()).isTrue();
        assertThat(run.path("cost").decimalValue()).isEqualByComparingTo(done.path("total_cost").decimalValue());
        assertThat(read.path("steps").get(0).path("output").path("allowed").asBoolean()).isTrue();
    }

    /** A trace of log steps only has no latency: its percentiles are null, not 0.0 (docs/api.md). */
    @Test
    void aTraceWithoutTimedStepsHasNullPercentiles() {
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        tenant.client().post("/api/v1/logs", Map.of("trace_id", trace, "output", Map.of("user_rating", 5)));

        JsonNode summary = tenant.client().patch("/api/v1/traces/" + trace + "/complete", null).json();
        JsonNode read = tenant.client().get("/api/v1/traces/" + trace).json().path("summary");

        assertThat(summary.path("status").asText()).isEqualTo("completed");
        for (String percentile : List.of("latency_p50", "latency_p95", "latency_p99")) {
            assertThat(read.has(percentile)).as(percentile).isTrue();
            assertThat(read.path(percentile).isNull()).as(percentile).isTrue();
        }
    }

    /** Measured latencies have sub-microsecond digits; the percentiles of them are reported to three decimals. */
    @Test
    void percentilesOfMeasuredCallsCarryAtMostThreeDecimals() {
        String trace = traceWithRuns("gpt-4o-mini", 3);
        tenant.client().patch("/api/v1/traces/" + trace + "/complete", null);

        JsonNode read = tenant.client().get("/api/v1/traces/" + trace).json().path("summary");

        for (String percentile : List.of("latency_p50", "latency_p95", "latency_p99")) {
            assertThat(read.path(percentile).isNumber()).as(percentile).isTrue();
            assertThat(read.path(percentile).decimalValue().stripTrailingZeros().scale()).as(percentile)
                    .isLessThanOrEqualTo(3);
        }
    }

    @Test
    void callsStillRunningWhenTheirTraceIsCompletedCountInItsSummary() throws Exception {
        provider.reset();
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        int calls = 6;
        for (int i = 0; i < calls; i++) {
            provider.enqueue(FakeBehavior.text("Late, but counted.").withUsage(100, 20)
                    .delayFirstByte(Duration.ofMillis(300)));
        }
        List<CompletableFuture<ApiClient.Response>> runs = IntStream.range(0, calls)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> tenant.client().post("/api/v1/runs",
                        Map.of("trace_id", trace, "model", "gpt-4o-mini", "input", "Count me in, " + i))))
                .toList();
        for (int wait = 0; provider.requestCount() < calls && wait < 400; wait++) {
            Thread.sleep(25);
        }

        JsonNode completed = tenant.client().patch("/api/v1/traces/" + trace + "/complete", null).json();
        List<Integer> statuses = runs.stream().map(CompletableFuture::join).map(ApiClient.Response::status).toList();
        JsonNode read = tenant.client().get("/api/v1/traces/" + trace).json();

        assertThat(completed.path("status").asText()).isEqualTo("completed");
        assertThat(statuses).as("calls admitted while the trace was pending are answered").containsOnly(200);
        assertThat(read.path("steps")).hasSize(calls);
        assertThat(read.path("summary").path("step_count").asInt()).isEqualTo(calls);
        BigDecimal stepCosts = BigDecimal.ZERO;
        for (JsonNode step : read.path("steps")) {
            stepCosts = stepCosts.add(step.path("cost").decimalValue());
        }
        assertThat(read.path("summary").path("total_cost").decimalValue()).isPositive().isEqualByComparingTo(stepCosts);
    }

    @Test
    void gradesFollowTheDocumentedWasteRules() {
        assertThat(grades("twice-mini", 1)).isEqualTo(List.of("B", "B", "A"));
        assertThat(grades("twice-mini", 2)).isEqualTo(List.of("D", "D", "A"));
        assertThat(grades("gpt-4o", 1)).isEqualTo(List.of("C", "C", "A"));
        assertThat(grades("gpt-4o", 2)).isEqualTo(List.of("F", "F", "A"));
        assertThat(grades("gpt-4o-mini", 2)).isEqualTo(List.of("A", "A", "A"));
    }

    @Test
    void aCallThatNamesNoTraceGetsOneWrittenCompleteAndGradedWithItsStep() {
        String named = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        chat(Map.of("trace_id", named));
        JsonNode completed = tenant.client().patch("/api/v1/traces/" + named + "/complete", null).json();

        String opened = chat(Map.of());
        JsonNode read = tenant.client().get("/api/v1/traces/" + opened).json();

        assertThat(read.path("status").asText()).isEqualTo("completed");
        assertThat(read.path("metadata").path("source").asText()).isEqualTo("chat.completions");
        assertThat(read.path("ended_at").asText()).isGreaterThanOrEqualTo(read.path("created_at").asText());
        assertThat(read.path("steps")).hasSize(1);
        assertThat(read.path("summary").fieldNames()).toIterable().containsAll(SUMMARY_FIELDS);
        assertThat(read.path("summary").path("step_count").asInt()).isEqualTo(1);
        assertThat(read.path("summary").path("total_cost").decimalValue())
                .isEqualByComparingTo(read.path("steps").get(0).path("cost").decimalValue()).isPositive();
        assertThat(read.path("summary").path("grades")).as("graded as the same call in a trace completed by hand")
                .isEqualTo(completed.path("grades"));
        assertThat(tenant.client().get("/api/v1/traces?status=completed").json().path("data").toString())
                .contains(opened);
    }

    /** One chat completion on gpt-4o with {@code extra} in the body; returns the trace it was recorded in. */
    private String chat(Map<String, Object> extra) {
        provider.enqueue(FakeBehavior.text("Bonjour.").withUsage(100, 20));
        Map<String, Object> body = new HashMap<>(extra);
        body.putAll(Map.of("model", "gpt-4o", "messages",
                List.of(Map.of("role", "user", "content", "Summarize this short note."))));
        ApiClient.Response answer = tenant.client().post("/api/v1/chat/completions", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.text("trace_id");
    }

    /** overall, waste, latency of a trace of simple untiered runs on {@code model}. */
    private List<String> grades(String model, int runs) {
        JsonNode done = tenant.client().patch("/api/v1/traces/" + traceWithRuns(model, runs) + "/complete", null)
                .json();
        JsonNode grades = done.path("grades");
        assertThat(done.path("optimization_grade").asText()).isEqualTo(grades.path("overall").asText());
        return List.of(grades.path("overall").asText(), grades.path("waste").asText(),
                grades.path("latency").asText());
    }
}
