package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.FakeBehavior;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Insights computed from real traces: summarisation traffic on an expensive and a cheap model with equal quality, a
 * latency threshold every trace exceeds, and one intent carrying all traffic without a routing rule.
 */
class InsightsEndToEndTest extends OlyxAgainstFakeProvider {
    static final int TRACES_PER_MODEL = 15;

    RunningOlyx.Tenant tenant;
    String insights;

    @BeforeAll
    void start() {
        provider.setDefault(FakeBehavior.text("A concise summary.").withUsage(600, 80));
        tenant = olyx.newTenant(owner, "Insights");
        insights = "/api/v1/projects/" + tenant.projectId() + "/insights";
        Models.register(owner, tenant.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        Models.register(owner, tenant.projectId(), provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true,
                Map.of());
        settings(Map.of("grading", Map.of("p99_alert_ms", 1)));
        for (int i = 0; i < TRACES_PER_MODEL; i++) {
            summarize("gpt-4o", i);
            summarize("gpt-4o-mini", i);
        }
    }

    private void settings(Map<String, Object> settings) {
        ApiClient.Response patched = owner.patch("/api/v1/projects/" + tenant.projectId(),
                Map.of("project", Map.of("settings", settings)));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
    }

    private void summarize(String model, int n) {
        String trace = tenant.client().post("/api/v1/traces", Map.of("metadata", Map.of("task", "summarization")))
                .text("id");
        tenant.client().post("/api/v1/runs", Map.of("trace_id", trace, "model", model,
                "input", "Summarize report number " + n));
        tenant.client().patch("/api/v1/traces/" + trace + "/complete", null);
    }

    private static JsonNode ofType(JsonNode list, String type) {
        for (JsonNode insight : list) {
            if (insight.path("insight_type").asText().equals(type)) {
                return insight;
            }
        }
        throw new AssertionError("no " + type + " in " + list);
    }

    @Test
    void aRefreshDerivesTheSeedsInsightTypesAndDismissedOnesStayDismissed() {
        ApiClient.Response refreshed = owner.post(insights + "/refresh", null);

        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        JsonNode migration = ofType(refreshed.json(), "migration_alert");
        assertThat(migration.path("status").asText()).isEqualTo("active");
        assertThat(migration.path("data").path("intent").asText()).isEqualTo("summarization");
        assertThat(migration.path("data").path("current_model").asText()).isEqualTo("gpt-4o");
        assertThat(migration.path("data").path("suggested_model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(migration.path("data").path("savings_pct").asDouble()).isGreaterThan(90);
        assertThat(migration.path("estimated_savings_usd").decimalValue()).isPositive();
        assertThat(java.util.regex.Pattern.compile("\"estimated_savings_usd\":([^,}]*)").matcher(refreshed.body())
                .results().map(m -> m.group(1)).toList())
                .as("whole cents in plain digits without trailing zeros").hasSize(3).contains("0")
                .allMatch(amount -> amount.matches("0|[1-9][0-9]*|[0-9]+\\.[0-9]?[1-9]"));
        assertThat(migration.path("created_at").asText()).isNotBlank();
        assertThat(ofType(refreshed.json(), "latency_alert").path("data").path("threshold_ms").asDouble())
                .isEqualTo(1.0);
        assertThat(ofType(refreshed.json(), "intent_pattern").path("data").path("share_pct").asDouble())
                .isEqualTo(100.0);
        assertThat(owner.get(insights).json()).hasSize(3);

        long migrationId = migration.path("id").asLong();
        ApiClient.Response dismissed = owner.patch(insights + "/" + migrationId + "/dismiss", null);
        assertThat(dismissed.status()).isEqualTo(200);
        assertThat(dismissed.text("status")).isEqualTo("dismissed");
        assertThat(owner.post(insights + "/refresh", null).json()).extracting(i -> i.path("insight_type").asText())
                .containsExactlyInAnyOrder("latency_alert", "intent_pattern");
        assertThat(owner.get(insights + "?status=dismissed").json()).extracting(i -> i.path("id").asLong())
                .containsExactly(migrationId);
    }

    @Test
    void anIntentGivenARoutingRuleStopsBeingAPattern() {
        assertThat(owner.post(insights + "/refresh", null).json()).extracting(i -> i.path("insight_type").asText())
                .contains("intent_pattern");
        settings(Map.of("routing_intents", Map.of("summarization", "simple")));
        try {
            JsonNode active = owner.post(insights + "/refresh", null).json();

            assertThat(active).extracting(i -> i.path("insight_type").asText()).doesNotContain("intent_pattern");
            assertThat(owner.get(insights + "?status=resolved").json())
                    .extracting(i -> i.path("insight_type").asText()).contains("intent_pattern");
        } finally {
            Map<String, Object> removed = new HashMap<>();
            removed.put("routing_intents", null);
            settings(removed);
        }
    }

    @Test
    void insightsNeedASessionAndAProject() {
        assertError(tenant.client().get(insights), 401, "unauthorized");
        assertError(owner.get("/api/v1/projects/999999/insights"), 404, "not_found");
        assertError(owner.post("/api/v1/projects/999999/insights/refresh", null), 404, "not_found");
        assertError(owner.patch(insights + "/999999/dismiss", null), 404, "not_found");
        assertError(owner.patch(insights + "/abc/dismiss", null), 404, "not_found");
        assertError(owner.get(insights + "?status=someday"), 422, "invalid_request");
    }

    @Test
    void onlyReplaysOfEveryStepAreEvidenceThatACheaperModelHoldsQuality() {
        RunningOlyx.Tenant partial = olyx.newTenant(owner, "Partial replays");
        Models.register(owner, partial.projectId(), provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        Models.register(owner, partial.projectId(), provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true,
                Map.of());
        String refresh = "/api/v1/projects/" + partial.projectId() + "/insights/refresh";
        List<String> traces = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String trace = partial.client().post("/api/v1/traces", Map.of("metadata", Map.of("task", "translation")))
                    .text("id");
            partial.client().post("/api/v1/runs", Map.of("trace_id", trace, "model", "gpt-4o",
                    "input", "Translate letter number " + i));
            partial.client().patch("/api/v1/traces/" + trace + "/complete", null);
            traces.add(trace);
        }

        for (String trace : traces.subList(0, 3)) {
            JsonNode skippedAll = replay(partial, trace, Map.of("max_cost", 0));
            assertThat(skippedAll.path("skipped_steps").asLong()).as(skippedAll.toString()).isEqualTo(1);
        }
        assertThat(owner.post(refresh, null).json()).as("three replays that sent nothing")
                .extracting(i -> i.path("insight_type").asText()).doesNotContain("migration_alert");

        for (String trace : traces.subList(3, 6)) {
            assertThat(replay(partial, trace, Map.of()).path("skipped_steps").asLong()).isZero();
        }
        JsonNode migration = ofType(owner.post(refresh, null).json(), "migration_alert");
        assertThat(migration.path("data").path("evidence").asText()).isEqualTo("replays");
        assertThat(migration.path("data").path("replay_count").asInt()).isEqualTo(3);
    }

    private static JsonNode replay(RunningOlyx.Tenant tenant, String trace, Map<String, Object> overrides) {
        Map<String, Object> request = new HashMap<>(overrides);
        request.put("trace_id", trace);
        request.put("force_model", "gpt-4o-mini");
        JsonNode done = Replays.awaitEnd(tenant.client(), tenant.client().post("/api/v1/replay", request)
                .text("job_id"));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        return done;
    }
}
