package io.olyx.bootstrap;

import java.time.Duration;
import java.util.Map;

/** A minimal MCP server over streamable HTTP: initialize (with a session), tools/list and tools/call. */
final class CallEndToEndMcp {
    private CallEndToEndMcp() {
    }

    static CallbackServer.Answer answer(String request) {
        Map<String, String> session = Map.of("Mcp-Session-Id", "session-1");
        if (request.contains("\"initialize\"")) {
            return reply(1, "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{\"tools\":{}},"
                    + "\"serverInfo\":{\"name\":\"weather\",\"version\":\"1\"}}", session);
        }
        if (request.contains("tools/list")) {
            return new CallbackServer.Answer(200, "event: message\ndata: {\"jsonrpc\":\"2.0\",\"id\":2,\"result\":"
                    + "{\"tools\":[{\"name\":\"get_weather\",\"description\":\"Current weather for a city\","
                    + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}]}}\n\n",
                    Duration.ZERO, session);
        }
        if (request.contains("tools/call")) {
            return reply(2, "{\"content\":[{\"type\":\"text\",\"text\":\"Sunny, 24 C\"}],\"isError\":false}",
                    session);
        }
        return new CallbackServer.Answer(202, "", Duration.ZERO, session);
    }

    private static CallbackServer.Answer reply(int id, String result, Map<String, String> headers) {
        return new CallbackServer.Answer(200, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}",
                Duration.ZERO, headers);
    }
}
