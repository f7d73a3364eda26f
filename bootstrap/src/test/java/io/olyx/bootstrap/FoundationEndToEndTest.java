package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A new user's first session, over HTTP against the real wiring: login to a completed trace, then a restart. */
class FoundationEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void aUserGoesFromLoginToACompletedTraceAndARestartKeepsEverything() {
        String traceId;
        String rawKey;
        long projectId;
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            assertThat(olyx.api.get("/up").json().path("status").asText()).isEqualTo("ok");

            ApiClient.Response login = olyx.api.post("/api/v1/auth/login",
                    Map.of("loginKey", RunningOlyx.OWNER_LOGIN_KEY));
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("account").path("role").asText()).isEqualTo("owner");
            assertThat(login.json().path("account").path("isAdmin").asBoolean()).isTrue();
            ApiClient owner = olyx.api.as(login.text("accessToken"));

            ApiClient.Response project = owner.post("/api/v1/projects",
                    Map.of("project", Map.of("name", "Production", "description", "Live traffic")));
            assertThat(project.status()).isEqualTo(201);
            projectId = project.json().path("id").asLong();
            assertThat(project.text("status")).isEqualTo("active");
            assertThat(project.json().path("total_monthly_spend").decimalValue()).isZero();

            ApiClient.Response patched = owner.patch("/api/v1/projects/" + projectId, Map.of("project",
                    Map.of("settings", Map.of("routing_tiers", Map.of("simple", "gpt-4o-mini", "complex", "gpt-4o")))));
            assertThat(patched.json().path("settings").path("routing_tiers").path("simple").asText())
                    .isEqualTo("gpt-4o-mini");
            ApiClient.Response merged = owner.patch("/api/v1/projects/" + projectId, Map.of("project",
                    Map.of("settings", Map.of("routing_tiers", Map.of("secure", "my-private-model")))));
            assertThat(merged.json().path("settings").path("routing_tiers").path("simple").asText())
                    .as("PATCH merges settings").isEqualTo("gpt-4o-mini");
            assertThat(merged.json().path("settings").path("routing_tiers").path("secure").asText())
                    .isEqualTo("my-private-model");

            ApiClient.Response key = owner.post("/api/v1/keys",
                    Map.of("name", "Production", "project_id", projectId, "hourly_limit", 10.00));
            assertThat(key.status()).isEqualTo(201);
            rawKey = key.text("raw_key");
            assertThat(rawKey).matches("ak_[0-9a-f]{16}\\.[0-9a-f]{64}").startsWith(key.text("id") + ".");
            assertThat(key.text("masked")).isEqualTo(rawKey.substring(0, 6) + "..." + rawKey.substring(rawKey.length() - 4));
            assertThat(key.json().path("project").path("name").asText()).isEqualTo("Production");
            ApiClient.Response keys = owner.get("/api/v1/keys");
            assertThat(keys.body()).doesNotContain(rawKey.substring(rawKey.indexOf('.') + 1));

            ApiClient.Response model = owner.post("/api/v1/projects/" + projectId + "/models", Map.of(
                    "model_definition", Map.of("name", "GPT-4o", "identifier", "gpt-4o", "provider", "openai",
                            "api_key", "sk-very-secret-provider-key", "input_cost_per_1k", 0.0025,
                            "output_cost_per_1k", 0.01, "additional_config",
                            Map.of("fallback_identifier", "gpt-4o-mini"))));
            assertThat(model.status()).isEqualTo(201);
            assertThat(model.json().path("has_api_key").asBoolean()).isTrue();
            assertThat(model.json().has("api_key")).isFalse();
            assertThat(model.body()).doesNotContain("sk-very-secret-provider-key");
            assertThat(model.text("fallback_identifier")).isEqualTo("gpt-4o-mini");
            assertThat(model.text("currency")).isEqualTo("CAD");

            ApiClient app = olyx.api.as(rawKey);
            ApiClient.Response trace = app.post("/api/v1/traces",
                    Map.of("metadata", Map.of("user_id", "user_123", "task", "translation"), "revenue", 0.50));
            assertThat(trace.status()).isEqualTo(201);
            traceId = trace.text("id");
            assertThat(trace.text("status")).isEqualTo("pending");
            assertThat(trace.json().path("metadata").path("task").asText()).isEqualTo("translation");
            assertThat(trace.json().path("distribution").path("telemetry_mode").asText()).isEqualTo("public");

            ApiClient.Response log = app.post("/api/v1/logs", Map.of("trace_id", traceId,
                    "output", Map.of("user_rating", 5, "comment", "Great translation")));
            assertThat(log.status()).isEqualTo(201);
            assertThat(log.text("type")).isEqualTo("log");
            assertThat(log.json().has("output")).as("log receipts do not echo the payload").isFalse();
            long logStepId = log.json().path("step_id").asLong();

            JsonNode read = app.get("/api/v1/traces/" + traceId).json();
            assertThat(read.path("status").asText()).isEqualTo("pending");
            assertThat(read.path("created_at").asText()).as("a create echoes the time a later read returns")
                    .isEqualTo(trace.text("created_at"));
            assertThat(read.path("steps")).hasSize(1);
            assertThat(read.path("steps").get(0).path("id").asLong()).isEqualTo(logStepId);
            assertThat(read.path("steps").get(0).path("output").path("user_rating").asInt()).isEqualTo(5);

            ApiClient.Response completed = app.patch("/api/v1/traces/" + traceId + "/complete", null);
            assertThat(completed.status()).isEqualTo(200);
            assertThat(completed.text("status")).isEqualTo("completed");
            assertThat(completed.text("optimization_grade")).matches("[A-F]");
            assertThat(completed.json().path("summary").path("revenue").decimalValue()).isEqualByComparingTo("0.5");

            assertThat(completed.text("ended_at"))
                    .isEqualTo(app.get("/api/v1/traces/" + traceId).json().path("ended_at").asText());
            ApiClient.Response listed = app.get("/api/v1/traces?status=completed");
            assertThat(listed.json().path("data")).extracting(n -> n.path("id").asText()).containsExactly(traceId);
        }

        try (RunningOlyx again = RunningOlyx.start(dataDir)) {
            ApiClient app = again.api.as(rawKey);
            JsonNode trace = app.get("/api/v1/traces/" + traceId).json();
            assertThat(trace.path("status").asText()).isEqualTo("completed");
            assertThat(trace.path("steps")).hasSize(1);
            ApiClient owner = again.owner();
            assertThat(owner.get("/api/v1/projects/" + projectId + "/models").json()).hasSize(1);
            assertThat(owner.get("/api/v1/projects").json()).extracting(n -> n.path("name").asText())
                    .containsExactly("Default", "Production");
            List<String> events = owner.get("/api/v1/audit-events").json().findValuesAsText("event");
            assertThat(events).contains("login_success", "project_created", "project_updated", "key_created",
                    "model_created");
        }
    }

    @Test
    void aFreshInstallationAnswersThroughItsDefaultSandboxProject() {
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            ApiClient owner = olyx.owner();
            JsonNode projects = owner.get("/api/v1/projects").json();
            assertThat(projects).hasSize(1);
            JsonNode defaultProject = projects.get(0);
            assertThat(defaultProject.path("settings").path("routing_tiers").path("simple").asText())
                    .isEqualTo("sandbox");
            JsonNode models = owner.get("/api/v1/projects/" + defaultProject.path("id").asLong() + "/models").json();
            assertThat(models).extracting(m -> m.path("provider").asText()).containsExactly("sandbox");
        }
    }
}
