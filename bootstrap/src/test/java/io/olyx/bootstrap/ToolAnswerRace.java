package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.fixtures.provider.CapturedRequest;
import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

/**
 * Callers answering the same tool call at the same moment, over one node or several: each passes the "already
 * answered?" read before any of them has recorded its answer, so only the database can pick one. The others must be
 * refused before a model is called or paid for, and leave no step behind. Several calls (each on its own trace) are
 * raced at once, so that the requests overlap however the machine schedules them.
 */
final class ToolAnswerRace {
    static final int CALLS = 4;
    static final int CALLERS_PER_CALL = 12;

    private final ApiClient client;
    private final FakeProviderServer provider;
    private final List<Asked> asked;
    private final int calledBefore;

    private ToolAnswerRace(ApiClient client, FakeProviderServer provider, List<Asked> asked) {
        this.client = client;
        this.provider = provider;
        this.asked = List.copyOf(asked);
        this.calledBefore = provider.requestCount();
    }

    /** {@link #CALLS} new traces, each with a first execution, through {@code client}, that asked for one tool call. */
    static ToolAnswerRace prepare(ApiClient client, FakeProviderServer provider) {
        List<Asked> asked = new ArrayList<>();
        for (int i = 0; i < CALLS; i++) {
            provider.enqueue(FakeBehavior.toolCall("get_weather", "{\"city\":\"London\"}"));
            String trace = client.post("/api/v1/traces", Map.of()).text("id");
            ApiClient.Response answer = client.post("/api/v1/executions", Map.of("trace_id", trace,
                    "input", "Weather?", "tools", PipelineEndToEndTest.WEATHER_TOOL));
            assertThat(answer.text("status")).as(answer.toString()).isEqualTo("tool_calls_pending");
            asked.add(new Asked(trace, answer.json().path("step_id").asLong(),
                    answer.json().path("tool_calls").get(0).path("id").asText()));
        }
        return new ToolAnswerRace(client, provider, asked);
    }

    /** Each call answered by a node that died before a model answered (see {@link DeadNode}). */
    void answeredByANodeThatDied(DeadNode dead, long projectId) {
        asked.forEach(call -> dead.answered(projectId, call.trace(), call.parent(), call.callId(),
                "15°C, said before the node died"));
    }

    /** Each call answered by {@link #CALLERS_PER_CALL} callers, answer i to call i % CALLS, all released together. */
    List<ApiClient.Response> answerAtOnce(List<ApiClient> nodes) throws Exception {
        return AtOnce.post(nodes, "/api/v1/executions", i -> {
            Asked call = asked.get(i % CALLS);
            return Map.of("trace_id", call.trace(), "input", "Weather?", "parent_step_id", call.parent(),
                    "tool_results", List.of(Map.of("tool_call_id", call.callId(), "content", "15°C, says " + i)));
        }, CALLS * CALLERS_PER_CALL);
    }

    /** Per call: one answer went on to the model; every other one is 409 and recorded nothing. */
    void assertEachTakenOnce(List<ApiClient.Response> answers) {
        List<String> seenByModel = provider.requests().stream().map(CapturedRequest::json)
                .map(body -> body.path("messages").path(2).path("content").asText()).toList();
        for (int c = 0; c < CALLS; c++) {
            Asked call = asked.get(c);
            int of = c;
            List<ApiClient.Response> toThisCall = IntStream.range(0, answers.size()).filter(i -> i % CALLS == of)
                    .mapToObj(answers::get).toList();
            assertThat(toThisCall).filteredOn(a -> a.status() == 200).hasSize(1);
            assertThat(toThisCall).filteredOn(a -> a.status() != 200).hasSize(CALLERS_PER_CALL - 1)
                    .allSatisfy(refused -> {
                        assertError(refused, 409, "tool_call_already_answered");
                        assertThat(refused.text("error")).contains(call.callId());
                    });
            JsonNode steps = client.get("/api/v1/traces/" + call.trace()).json().path("steps");
            // in any order: each node draws its step ids from its own block
            assertThat(steps).extracting(s -> s.path("type").asText())
                    .containsExactlyInAnyOrder("run", "tool_call", "run");
            JsonNode answer = StreamSupport.stream(steps.spliterator(), false)
                    .filter(s -> s.path("type").asText().equals("tool_call")).findFirst().orElseThrow();
            assertThat(answer.path("parent_step_id").asLong()).isEqualTo(call.parent());
            assertThat(seenByModel).as("the model saw the answer recorded").contains(answer.path("output").asText());
        }
        assertThat(provider.requestCount() - calledBefore).as("model calls made for the answers").isEqualTo(CALLS);
    }

    private record Asked(String trace, long parent, String callId) {
    }
}
