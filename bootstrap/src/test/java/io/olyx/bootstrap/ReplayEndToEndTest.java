package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.CapturedRequest;
import io.olyx.fixtures.provider.FakeBehavior;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /api/v1/replay and GET /api/v1/replay/:job_id through the real wiring, job queue and pipeline. */
class ReplayEndToEndTest extends OlyxAgainstFakeProvider {
    static final String HEX_JOB_ID = "[0-9a-f]{16}";

    RunningOlyx.Tenant tenant;

    @BeforeAll
    void start() {
        tenant = olyx.newTenant(owner, "Replay");
        register(tenant.projectId());
        owner.patch("/api/v1/projects/" + tenant.projectId(), Map.of("project", Map.of("settings", Map.of(
                "routing_tiers", Map.of("simple", "gpt-4o-mini", "complex", "gpt-4o")))));
    }

    private void register(long projectId) {
        Models.register(owner, projectId, provider, "gpt-4o", "openai", 0.0025, 0.01, true, Map.of());
        Models.register(owner, projectId, provider, "gpt-4o-mini", "openai", 0.00015, 0.0006, true, Map.of());
        Models.register(owner, projectId, provider, "claude-haiku", "openai", 0.0008, 0.004, true, Map.of());
    }

    @BeforeEach
    void resetProvider() {
        provider.reset();
    }

    /** A completed trace of run steps on gpt-4o, one per (prompt, completion) token pair. */
    String sourceTrace(ApiClient client, String input, int... tokens) {
        String trace = client.post("/api/v1/traces", Map.of("metadata", Map.of("task", "summarization")))
                .text("id");
        for (int i = 0; i < tokens.length; i += 2) {
            provider.enqueue(FakeBehavior.text("A short summary.").withUsage(tokens[i], tokens[i + 1]));
            ApiClient.Response ran = client.post("/api/v1/runs", Map.of("trace_id", trace, "model", "gpt-4o",
                    "input", input));
            assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
        }
        client.patch("/api/v1/traces/" + trace + "/complete", null);
        return trace;
    }

    @Test
    void aForcedModelReplaysTheRunStepsAndAnIdenticalReplayIsACacheHit() {
        String input = "Summarize: revenue grew 12% while costs stayed flat.";
        String source = sourceTrace(tenant.client(), input, 1000, 200);
        JsonNode sourceTrace = tenant.client().get("/api/v1/traces/" + source).json();

        ApiClient.Response queued = tenant.client().post("/api/v1/replay", Map.of("trace_id", source,
                "force_model", "gpt-4o-mini"));

        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        assertThat(queued.text("job_id")).matches(HEX_JOB_ID);
        assertThat(queued.text("status")).isIn("queued", "running");
        assertThat(queued.text("source_trace_id")).isEqualTo(source);
        JsonNode done = Replays.awaitEnd(tenant.client(), queued.text("job_id"));
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        JsonNode comparison = done.path("comparison");
        assertThat(comparison.path("source").path("models_used")).extracting(JsonNode::asText)
                .containsExactly("gpt-4o");
        assertThat(comparison.path("source").path("total_cost").decimalValue())
                .isEqualByComparingTo(sourceTrace.path("summary").path("total_cost").decimalValue());
        assertThat(comparison.path("replay").path("models_used")).extracting(JsonNode::asText)
                .containsExactly("gpt-4o-mini");
        assertThat(comparison.path("replay").path("optimization_grade").asText()).matches("[A-F]");
        assertThat(comparison.path("replay").path("grades").path("waste").asText()).matches("[A-F]");
        assertThat(done.path("summary").path("baseline_model").asText()).isEqualTo("gpt-4o");
        assertThat(done.path("summary").path("candidate_model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(done.path("overrides").path("force_model").asText()).isEqualTo("gpt-4o-mini");
        CapturedRequest replayed = provider.lastRequest();
        assertThat(replayed.json().path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(replayed.json().path("messages").get(0).path("content").asText()).isEqualTo(input);

        JsonNode replayTrace = tenant.client().get("/api/v1/traces/" + done.path("replay_trace_id").asText()).json();
        assertThat(replayTrace.path("status").asText()).isEqualTo("replay");
        assertThat(replayTrace.path("replay_of").asText()).isEqualTo(source);
        assertThat(replayTrace.path("steps")).singleElement().satisfies(step -> {
            assertThat(step.path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(step.path("input").asText()).isEqualTo(input);
        });
        assertThat(tenant.client().get("/api/v1/traces?status=replay").json().path("data"))
                .extracting(t -> t.path("id").asText()).contains(replayTrace.path("id").asText());

        int calls = provider.requestCount();
        ApiClient.Response again = tenant.client().post("/api/v1/replay", Map.of("trace_id", source,
                "force_model", "gpt-4o-mini"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("completed");
        assertThat(again.json().path("cached").asBoolean()).isTrue();
        assertThat(again.text("job_id")).isEqualTo(queued.text("job_id"));
        assertThat(again.json().path("comparison")).isEqualTo(comparison);
        assertThat(provider.requestCount()).isEqualTo(calls);
    }

    @Test
    void aReplayAsksWithTheSourceStepsSamplingOptionsAndResponseFormat() {
        String source = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        provider.enqueue(FakeBehavior.text("{\"answer\":\"Paris\"}").withUsage(30, 8));
        ApiClient.Response ran = tenant.client().post("/api/v1/runs", Map.of("trace_id", source, "model", "gpt-4o",
                "input", "Capital of France, as JSON.", "temperature", 0.3, "max_tokens", 40,
                "response_format", Map.of("type", "json_object")));
        assertThat(ran.status()).as(ran.toString()).isEqualTo(200);
        tenant.client().patch("/api/v1/traces/" + source + "/complete", null);

        String job = tenant.client().post("/api/v1/replay", Map.of("trace_id", source, "force_model",
                "gpt-4o-mini")).text("job_id");
        JsonNode done = Replays.awaitEnd(tenant.client(), job);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        JsonNode replayed = provider.lastRequest().json();
        assertThat(replayed.path("model").asText()).isEqualTo("gpt-4o-mini");
        assertThat(replayed.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(replayed.path("max_tokens").asInt()).isEqualTo(40);
        assertThat(replayed.path("response_format").path("type").asText()).isEqualTo("json_object");
    }

    @Test
    void compareModelsReplaysOncePerModelInTheRequestedOrder() {
        String source = sourceTrace(tenant.client(), "Summarize the meeting notes.", 800, 100);

        String job = tenant.client().post("/api/v1/replay", Map.of("trace_id", source,
                "compare_models", List.of("claude-haiku", "gpt-4o-mini"))).text("job_id");
        JsonNode done = Replays.awaitEnd(tenant.client(), job);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        JsonNode replays = done.path("comparison").path("replays");
        assertThat(done.path("comparison").has("replay")).isFalse();
        assertThat(replays).extracting(r -> r.path("model").asText()).containsExactly("claude-haiku", "gpt-4o-mini");
        assertThat(replays).allSatisfy(r -> assertThat(r.path("models_used").get(0).asText())
                .isEqualTo(r.path("model").asText()));
        assertThat(replays.get(0).path("replay_trace_id").asText())
                .isNotEqualTo(replays.get(1).path("replay_trace_id").asText());
        assertThat(done.path("summary").path("candidate_model").asText()).isEqualTo("gpt-4o-mini");
    }

    @Test
    void maxCostSkipsTheStepsEstimatedAboveIt() {
        String source = sourceTrace(tenant.client(), "Summarize this.", 100, 10, 5000, 1000);

        String job = tenant.client().post("/api/v1/replay", Map.of("trace_id", source, "max_cost", 0.005))
                .text("job_id");
        JsonNode done = Replays.awaitEnd(tenant.client(), job);

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("skipped_steps").asLong()).isEqualTo(1);
        JsonNode replayTrace = tenant.client().get("/api/v1/traces/" + done.path("replay_trace_id").asText()).json();
        assertThat(replayTrace.path("steps")).hasSize(1);
        assertThat(done.path("comparison").path("replay").path("models_used")).extracting(JsonNode::asText)
                .containsExactly("gpt-4o");
    }

    @Test
    void aToolLoopIsReplayedWithItsConversationAndStepLinks() {
        String trace = AgentTraffic.weatherToolLoop(tenant.client(), provider, "London", "15°C");
        tenant.client().patch("/api/v1/traces/" + trace + "/complete", null);

        JsonNode done = Replays.awaitEnd(tenant.client(), tenant.client().post("/api/v1/replay",
                Map.of("trace_id", trace, "force_model", "gpt-4o")).text("job_id"));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        List<CapturedRequest> requests = provider.requests();
        JsonNode replayedFirst = requests.get(requests.size() - 2).json();
        JsonNode replayedSecond = requests.getLast().json();
        assertThat(replayedFirst.path("tools")).hasSize(1);
        assertThat(replayedSecond.path("messages")).extracting(m -> m.path("role").asText())
                .containsExactly("user", "assistant", "tool");
        JsonNode steps = tenant.client().get("/api/v1/traces/" + done.path("replay_trace_id").asText()).json()
                .path("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(1).path("parent_step_id").asLong()).isEqualTo(steps.get(0).path("id").asLong());
    }

    @Test
    void invalidReplaysAreRefusedWithTheSeedsErrors() {
        String source = sourceTrace(tenant.client(), "Summarize: errors.", 10, 10);

        assertError(tenant.client().post("/api/v1/replay", Map.of("trace_id", source, "force_model", "gpt-4o-mini",
                "compare_models", List.of("claude-haiku"))), 422, "invalid_request");
        ApiClient.Response unknown = tenant.client().post("/api/v1/replay", Map.of("trace_id", source,
                "force_model", "gpt-9"));
        assertError(unknown, 422, "unknown_model");
        assertThat(unknown.json().path("models")).extracting(JsonNode::asText).containsExactly("gpt-9");
        assertError(tenant.client().post("/api/v1/replay", Map.of("force_model", "gpt-4o-mini")), 422,
                "invalid_request");
        assertError(tenant.client().post("/api/v1/replay", Map.of("trace_id", source, "max_cost", -1)), 422,
                "invalid_request");
        ApiClient.Response tooDear = tenant.client().post("/api/v1/replay", Map.of("trace_id", source,
                "max_cost", 1e12));
        assertError(tooDear, 422, "invalid_request");
        assertThat(tooDear.text("error")).contains("max_cost must be less than 1000000000000");
        assertError(tenant.client().post("/api/v1/replay", Map.of("trace_id", "trace_01J6AF")), 404, "not_found");
        assertError(tenant.client().post("/api/v1/replay", Map.of("trace_id",
                "00000000-0000-7000-8000-000000000000")), 404, "not_found");
        assertError(tenant.client().get("/api/v1/replay/0123456789abcdef"), 404, "not_found");
        assertError(tenant.client().anonymous().post("/api/v1/replay", Map.of("trace_id", source)), 401,
                "unauthorized");
    }

    @Test
    void anotherProjectCannotSeeOrReplayTheTrace() {
        RunningOlyx.Tenant other = olyx.newTenant(owner, "Replay outsider");
        String source = sourceTrace(tenant.client(), "Summarize: private.", 10, 10);
        String job = tenant.client().post("/api/v1/replay", Map.of("trace_id", source)).text("job_id");

        assertError(other.client().get("/api/v1/replay/" + job), 404, "not_found");
        assertError(other.client().post("/api/v1/replay", Map.of("trace_id", source)), 404, "not_found");
        assertThat(Replays.awaitEnd(tenant.client(), job).path("status").asText()).isEqualTo("completed");
    }

    @Test
    void identicalReplaysSentAtOnceJoinOneJobAndRunOnce() throws Exception {
        String source = sourceTrace(tenant.client(), "Summarize: twenty at once.", 50, 10);
        int calls = provider.requestCount();

        List<ApiClient.Response> answers = Replays.queueAtOnce(List.of(tenant.client()),
                Map.of("trace_id", source, "force_model", "gpt-4o-mini"), 20);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isIn(200, 202));
        assertThat(answers).extracting(answer -> answer.text("job_id")).containsOnly(answers.get(0).text("job_id"));
        Replays.awaitEnd(tenant.client(), answers.get(0).text("job_id"));
        assertThat(Replays.replayTracesOf(tenant.client(), source)).hasSize(1);
        assertThat(provider.requestCount() - calls).as("model calls of the replay").isEqualTo(1);
    }

    @Test
    void anIdempotencyKeyReturnsTheFirstAnswer() {
        String source = sourceTrace(tenant.client(), "Summarize: idempotent.", 10, 10);
        Map<String, Object> body = Map.of("trace_id", source, "force_model", "claude-haiku");

        ApiClient.Response first = tenant.client().send("POST", "/api/v1/replay", body, "Idempotency-Key",
                source + "-replay-1");
        ApiClient.Response retry = tenant.client().send("POST", "/api/v1/replay", body, "Idempotency-Key",
                source + "-replay-1");

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.text("job_id")).isEqualTo(first.text("job_id"));
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        Replays.awaitEnd(tenant.client(), first.text("job_id"));
    }

    @Test
    void aFinishedReplayTraceTakesNoStepsFromThePublicEndpoints() {
        String source = sourceTrace(tenant.client(), "Summarize: closed replay.", 10, 10);
        JsonNode done = Replays.awaitEnd(tenant.client(), tenant.client().post("/api/v1/replay",
                Map.of("trace_id", source, "force_model", "gpt-4o-mini")).text("job_id"));
        String replayTrace = done.path("replay_trace_id").asText();
        JsonNode before = tenant.client().get("/api/v1/traces/" + replayTrace).json();
        int calls = provider.requestCount();

        List<ApiClient.Response> attempts = List.of(
                tenant.client().post("/api/v1/executions", Map.of("trace_id", replayTrace, "input", "More?")),
                tenant.client().post("/api/v1/runs", Map.of("trace_id", replayTrace, "model", "gpt-4o",
                        "input", "More?")),
                tenant.client().post("/api/v1/checks", Map.of("trace_id", replayTrace, "input", "More?")),
                tenant.client().post("/api/v1/chat/completions", Map.of("trace_id", replayTrace,
                        "messages", List.of(Map.of("role", "user", "content", "More?")))),
                tenant.client().get("/api/v1/executions/stream?trace_id=" + replayTrace + "&input=more"),
                tenant.client().post("/api/v1/logs", Map.of("trace_id", replayTrace, "output", Map.of("x", 1))));

        assertThat(attempts).allSatisfy(answer -> {
            assertError(answer, 409, "trace_closed");
            assertThat(answer.text("error")).isEqualTo("Steps cannot be added to a replay trace");
        });
        assertThat(provider.requestCount()).isEqualTo(calls);
        JsonNode after = tenant.client().get("/api/v1/traces/" + replayTrace).json();
        assertThat(after.path("steps")).isEqualTo(before.path("steps"));
        assertThat(after.path("summary")).isEqualTo(before.path("summary"));
    }

    @Test
    void anEmptyPromptIsReplayedAsTheEmptyPromptItWas() {
        String source = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        provider.enqueue(FakeBehavior.text("You said nothing.").withUsage(3, 4),
                FakeBehavior.text("Still nothing.").withUsage(3, 3));
        ApiClient.Response chat = tenant.client().post("/api/v1/chat/completions", Map.of("trace_id", source,
                "model", "gpt-4o", "messages", List.of(Map.of("role", "user", "content", ""))));
        assertThat(chat.status()).as(chat.toString()).isEqualTo(200);
        ApiClient.Response assistant = tenant.client().post("/api/v1/assistants", Map.of("trace_id", source,
                "model", "gpt-4o", "messages", List.of(Map.of("role", "user"))));
        assertThat(assistant.status()).as(assistant.toString()).isEqualTo(200);
        tenant.client().patch("/api/v1/traces/" + source + "/complete", null);

        JsonNode done = Replays.awaitEnd(tenant.client(), tenant.client().post("/api/v1/replay",
                Map.of("trace_id", source, "force_model", "gpt-4o-mini")).text("job_id"));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("completed");
        assertThat(provider.requests().subList(2, 4)).allSatisfy(replayed -> {
            assertThat(replayed.json().path("model").asText()).isEqualTo("gpt-4o-mini");
            assertThat(replayed.json().path("messages")).singleElement().satisfies(message -> {
                assertThat(message.path("role").asText()).isEqualTo("user");
                assertThat(message.path("content").asText()).isEmpty();
            });
        });
    }

    @Test
    void whereLocalRefIsRequiredAReplayTraceCarriesItsSourcesAndASourceWithoutOneFails() {
        RunningOlyx.Tenant strict = olyx.newTenant(owner, "Local ref replay");
        register(strict.projectId());
        String before = sourceTrace(strict.client(), "Summarize: before the policy.", 10, 10);
        owner.patch("/api/v1/projects/" + strict.projectId(), Map.of("project", Map.of("settings", Map.of(
                "local_ref_required", true))));
        String source = strict.client().post("/api/v1/traces", Map.of("local_ref", "ticket-7")).text("id");
        provider.enqueue(FakeBehavior.text("A short summary.").withUsage(10, 10));
        strict.client().post("/api/v1/runs", Map.of("trace_id", source, "model", "gpt-4o", "input", "Summarize."));
        strict.client().patch("/api/v1/traces/" + source + "/complete", null);

        JsonNode carried = Replays.awaitEnd(strict.client(), strict.client().post("/api/v1/replay",
                Map.of("trace_id", source)).text("job_id"));
        JsonNode refused = Replays.awaitEnd(strict.client(), strict.client().post("/api/v1/replay",
                Map.of("trace_id", before)).text("job_id"));

        assertThat(carried.path("status").asText()).as(carried.toString()).isEqualTo("completed");
        assertThat(strict.client().get("/api/v1/traces/" + carried.path("replay_trace_id").asText()).json()
                .path("local_ref").asText()).isEqualTo("ticket-7");
        assertThat(refused.path("status").asText()).isEqualTo("failed");
        assertThat(refused.path("error").asText()).contains("local_ref");
        assertThat(Replays.replayTracesOf(strict.client(), before)).isEmpty();
    }

    @Test
    void anAnonymizedTraceFailsWithTheReason() {
        RunningOlyx.Tenant anonymous = olyx.newTenant(owner, "Anonymized replay");
        register(anonymous.projectId());
        owner.patch("/api/v1/projects/" + anonymous.projectId(), Map.of("project", Map.of("settings", Map.of(
                "telemetry_mode", "anonymized"))));
        String source = sourceTrace(anonymous.client(), "Summarize: secret plans.", 10, 10);

        ApiClient.Response queued = anonymous.client().post("/api/v1/replay", Map.of("trace_id", source));
        JsonNode done = Replays.awaitEnd(anonymous.client(), queued.text("job_id"));

        assertThat(done.path("status").asText()).isEqualTo("failed");
        assertThat(done.path("error").asText()).contains("anonymized");
        assertThat(done.has("comparison")).isFalse();
    }

    @Test
    void aReplayWhoseStepTheProviderDoesNotAnswerFailsInsteadOfComparingNoAnswer() {
        String source = sourceTrace(tenant.client(), "Summarize: the provider is down.", 500, 100);
        provider.enqueue(FakeBehavior.error(400, "model overloaded"), FakeBehavior.error(400, "model overloaded"));

        ApiClient.Response queued = tenant.client().post("/api/v1/replay", Map.of("trace_id", source,
                "force_model", "claude-haiku"));
        JsonNode done = Replays.awaitEnd(tenant.client(), queued.text("job_id"));

        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("failed");
        assertThat(done.path("error").asText()).contains("no answer from the provider", "claude-haiku");
        assertThat(done.has("comparison")).isFalse();
        assertThat(done.has("summary")).isFalse();
    }

    @Test
    void aPendingTraceIsReplayedOnceEndedSoTheCachedComparisonCoversEveryStep() {
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        Map<String, Object> run = Map.of("trace_id", trace, "model", "gpt-4o", "input", "Summarize: still running.");
        provider.enqueue(FakeBehavior.text("A short summary.").withUsage(100, 10));
        tenant.client().post("/api/v1/runs", run);
        Map<String, Object> replay = Map.of("trace_id", trace, "force_model", "gpt-4o-mini");

        assertError(tenant.client().post("/api/v1/replay", replay), 409, "trace_pending");

        provider.enqueue(FakeBehavior.text("A short summary.").withUsage(300, 30));
        tenant.client().post("/api/v1/runs", run);
        JsonNode completed = tenant.client().patch("/api/v1/traces/" + trace + "/complete", null).json();
        JsonNode done = Replays.awaitEnd(tenant.client(), tenant.client().post("/api/v1/replay", replay)
                .text("job_id"));
        assertThat(done.path("comparison").path("source").path("total_cost").decimalValue())
                .isEqualByComparingTo(completed.path("total_cost").decimalValue());
        assertThat(tenant.client().get("/api/v1/traces/" + done.path("replay_trace_id").asText()).json()
                .path("steps")).hasSize(2);
    }

    @Test
    void aRatingLoggedAfterAReplayEndsItsCacheSoTheComparisonShowsTheSourceAsItIs() {
        String source = sourceTrace(tenant.client(), "Summarize: rated later.", 100, 10);
        Map<String, Object> replay = Map.of("trace_id", source, "force_model", "claude-haiku");
        JsonNode first = Replays.awaitEnd(tenant.client(), tenant.client().post("/api/v1/replay", replay)
                .text("job_id"));
        tenant.client().post("/api/v1/logs", Map.of("trace_id", source, "output", Map.of("user_rating", 1)));
        JsonNode rated = tenant.client().get("/api/v1/traces/" + source).json().path("summary");

        ApiClient.Response again = tenant.client().post("/api/v1/replay", replay);

        assertThat(again.status()).as(again.toString()).isEqualTo(202);
        JsonNode second = Replays.awaitEnd(tenant.client(), again.text("job_id"));
        assertThat(second.path("comparison").path("source").path("optimization_grade").asText())
                .isEqualTo(rated.path("optimization_grade").asText())
                .isNotEqualTo(first.path("comparison").path("source").path("optimization_grade").asText());
        assertThat(tenant.client().post("/api/v1/replay", replay).json().path("cached").asBoolean())
                .as("unchanged since, it is a cache hit again").isTrue();
    }
}
