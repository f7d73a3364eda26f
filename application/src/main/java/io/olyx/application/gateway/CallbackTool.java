package io.olyx.application.gateway;

import io.olyx.application.port.OutboundHttp;
import io.olyx.domain.common.Characters;
import io.olyx.domain.gateway.ProtocolFunction;
import io.olyx.domain.gateway.SchemaCheck;
import io.olyx.domain.llm.JsonText;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A protocol function: the model's arguments, checked against the function's contentFormat, POSTed as JSON to its
 * callback URL with its headers; the answer's body goes back to the model. The URL is never shown to the model,
 * not even in an error.
 */
final class CallbackTool implements ServerTool {
    static final int MAX_RESULT_CHARS = 32_000;

    private final ProtocolFunction function;
    private final OutboundHttp http;
    private final Duration timeout;

    CallbackTool(ProtocolFunction function, OutboundHttp http, Duration timeout) {
        this.function = function;
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public ToolDefinition definition() {
        return function.tool();
    }

    @Override
    public Run run(ToolCall call) {
        if (!call.argumentsValid()) {
            return Run.failed("the arguments are not a JSON object; call " + function.name()
                    + " again with arguments matching its schema", Map.of("error", "invalid_arguments"));
        }
        List<String> problems = SchemaCheck.problems(call.arguments(), function.contentFormat());
        if (!problems.isEmpty()) {
            return Run.failed("the arguments do not match the schema of " + function.name() + ": "
                    + String.join("; ", problems), Map.of("error", "invalid_arguments", "problems", problems));
        }
        Map<String, String> headers = new HashMap<>(function.headers());
        headers.putIfAbsent("Content-Type", "application/json");
        OutboundHttp.Outcome outcome = http.send(new OutboundHttp.Request("POST", function.callbackUrl(), headers,
                Optional.of(JsonText.write(call.arguments())), timeout));
        return switch (outcome) {
            case OutboundHttp.Outcome.Answered a when a.ok() -> new Run(cut(a.body()), true,
                    Map.of("http_status", a.status()));
            case OutboundHttp.Outcome.Answered a -> Run.failed(function.name() + " failed with HTTP status "
                    + a.status() + (a.body().isBlank() ? "" : ": " + cut(a.body())), Map.of("http_status", a.status(),
                    "error", "callback_status"));
            case OutboundHttp.Outcome.Refused refused -> Run.failed(function.name()
                    + " could not be called: its address is not allowed", Map.of("error", "outbound_refused",
                    "reason", refused.reason()));
            case OutboundHttp.Outcome.Failed failed -> Run.failed(function.name() + " did not answer ("
                    + failed.reason() + ")", Map.of("error", "callback_unreachable", "reason", failed.reason()));
        };
    }

    private static String cut(String body) {
        return body.length() <= MAX_RESULT_CHARS ? body : Characters.truncate(body, MAX_RESULT_CHARS) + " [truncated]";
    }
}
