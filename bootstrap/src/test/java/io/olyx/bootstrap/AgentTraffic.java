package io.olyx.bootstrap;

import io.olyx.fixtures.provider.FakeBehavior;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.util.List;
import java.util.Map;

/** One agent trace over the API: the model asks for the weather tool once, gets its result, answers. */
final class AgentTraffic {
    private AgentTraffic() {
    }

    /** Records the two executions on a new trace (left pending) and returns the trace id. */
    static String weatherToolLoop(ApiClient client, FakeProviderServer provider, String city, String weather) {
        provider.enqueue(FakeBehavior.toolCall("get_weather", "{\"city\":\"" + city + "\"}").withUsage(200, 20),
                FakeBehavior.text(weather + " in " + city + ".").withUsage(300, 30));
        String trace = client.post("/api/v1/traces", Map.of()).text("id");
        String question = "What's the weather in " + city + "?";
        ApiClient.Response first = client.post("/api/v1/executions", Map.of("trace_id", trace,
                "input", question, "tools", PipelineEndToEndTest.WEATHER_TOOL));
        String callId = first.json().path("tool_calls").get(0).path("id").asText();
        client.post("/api/v1/executions", Map.of("trace_id", trace, "input", question,
                "parent_step_id", first.json().path("step_id").asLong(), "tool_results",
                List.of(Map.of("tool_call_id", callId, "content", weather))));
        return trace;
    }
}
