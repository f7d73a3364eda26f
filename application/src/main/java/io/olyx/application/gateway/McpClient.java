package io.olyx.application.gateway;

import io.olyx.application.port.OutboundHttp;
import io.olyx.domain.gateway.RemoteSource;
import io.olyx.domain.llm.JsonText;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON-RPC to an MCP server over the streamable HTTP transport: {@code initialize} (keeping the server's
 * Mcp-Session-Id), {@code notifications/initialized}, then requests. Answers may come as JSON or as server-sent
 * events; the event answering the request's id is taken.
 */
final class McpClient {
    static final String PROTOCOL_VERSION = "2025-03-26";
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final OutboundHttp http;

    McpClient(OutboundHttp http) {
        this.http = http;
    }

    /** A session's id, when the server keeps sessions. */
    record Session(Optional<String> id) {
    }

    sealed interface Reply {
        record Result(Map<String, Object> result) implements Reply {
        }

        record Error(String message) implements Reply {
        }
    }

    Session open(RemoteSource source) throws McpException {
        Map<String, Object> params = Map.of("protocolVersion", PROTOCOL_VERSION, "capabilities", Map.of(),
                "clientInfo", Map.of("name", "olyx", "version", "1"));
        OutboundHttp.Outcome.Answered answered = post(source, new Session(Optional.empty()), message(1, "initialize",
                params));
        Session session = new Session(Optional.ofNullable(answered.headers().get("mcp-session-id")));
        if (reply(answered, 1) instanceof Reply.Error error) {
            throw new McpException(error.message());
        }
        Map<String, Object> initialized = new LinkedHashMap<>();
        initialized.put("jsonrpc", "2.0");
        initialized.put("method", "notifications/initialized");
        post(source, session, initialized);
        return session;
    }

    Reply request(RemoteSource source, Session session, String method, Map<String, Object> params)
            throws McpException {
        return reply(post(source, session, message(2, method, params)), 2);
    }

    private OutboundHttp.Outcome.Answered post(RemoteSource source, Session session, Map<String, Object> body)
            throws McpException {
        Map<String, String> headers = new HashMap<>(source.headers());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("MCP-Protocol-Version", PROTOCOL_VERSION);
        session.id().ifPresent(id -> headers.put("Mcp-Session-Id", id));
        OutboundHttp.Outcome outcome = http.send(new OutboundHttp.Request("POST", source.url(), headers,
                Optional.of(JsonText.write(body)), TIMEOUT));
        return switch (outcome) {
            case OutboundHttp.Outcome.Answered a when a.ok() -> a;
            case OutboundHttp.Outcome.Answered a -> throw new McpException("HTTP " + a.status());
            case OutboundHttp.Outcome.Refused r -> throw new McpException(r.reason());
            case OutboundHttp.Outcome.Failed f -> throw new McpException(f.reason());
        };
    }

    @SuppressWarnings("unchecked")
    private static Reply reply(OutboundHttp.Outcome.Answered answered, long id) throws McpException {
        for (String candidate : candidates(answered.body())) {
            Optional<Map<String, Object>> json = JsonText.parseObject(candidate);
            if (json.isPresent() && String.valueOf(id).equals(String.valueOf(json.get().get("id")))) {
                if (json.get().get("error") instanceof Map<?, ?> error) {
                    return new Reply.Error(String.valueOf(error.get("message")));
                }
                if (json.get().get("result") instanceof Map<?, ?> result) {
                    return new Reply.Result((Map<String, Object>) result);
                }
            }
        }
        throw new McpException("no answer to request " + id);
    }

    /** The body itself, or each SSE {@code data:} payload. */
    private static Iterable<String> candidates(String body) {
        if (body.strip().startsWith("{")) {
            return List.of(body.strip());
        }
        return body.lines().filter(l -> l.startsWith("data:")).map(l -> l.substring(5).strip()).toList();
    }

    private static Map<String, Object> message(long id, String method, Map<String, Object> params) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("jsonrpc", "2.0");
        message.put("id", id);
        message.put("method", method);
        message.put("params", params);
        return message;
    }

    static final class McpException extends Exception {
        McpException(String message) {
            super(message, null, false, false);
        }
    }
}
