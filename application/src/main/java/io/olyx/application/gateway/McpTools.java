package io.olyx.application.gateway;

import io.olyx.application.port.OutboundHttp;
import io.olyx.domain.gateway.RemoteSource;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A gateway's MCP sources as server-side tools: each server's tool list is fetched (with the source's headers) and
 * kept for the source's cacheDuration; calling a tool opens a session, calls {@code tools/call} and returns the
 * text content. A server that cannot be reached offers no tools for that call.
 */
public final class McpTools {
    private final McpClient client;
    private final Clock clock;
    private final ExpiringCache<RemoteSource, List<ToolDefinition>> listings = new ExpiringCache<>();

    public McpTools(OutboundHttp http, Clock clock) {
        this.client = new McpClient(http);
        this.clock = clock;
    }

    List<ServerTool> tools(RemoteSource source) {
        Instant now = clock.instant();
        List<ToolDefinition> tools = listings.get(source, now).orElseGet(() -> {
            List<ToolDefinition> listed = list(source);
            listings.put(source, listed, now.plus(source.cacheDuration()), now);
            return listed;
        });
        return tools.stream().<ServerTool>map(t -> new Tool(source, t)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<ToolDefinition> list(RemoteSource source) {
        List<ToolDefinition> tools = new ArrayList<>();
        try {
            McpClient.Session session = client.open(source);
            if (client.request(source, session, "tools/list", Map.of()) instanceof McpClient.Reply.Result r
                    && r.result().get("tools") instanceof List<?> listed) {
                for (Object item : listed) {
                    if (item instanceof Map<?, ?> tool) {
                        definition((Map<String, Object>) tool).ifPresent(tools::add);
                    }
                }
            }
        } catch (McpClient.McpException unreachable) {
            return List.of();
        }
        return tools;
    }

    @SuppressWarnings("unchecked")
    private static Optional<ToolDefinition> definition(Map<String, Object> tool) {
        if (!(tool.get("name") instanceof String name) || !ToolDefinition.NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Map<String, Object> schema = tool.get("inputSchema") instanceof Map<?, ?> s ? (Map<String, Object>) s
                : Map.of("type", "object", "properties", Map.of());
        if (!"object".equals(schema.get("type"))) {
            return Optional.empty();
        }
        return Optional.of(new ToolDefinition(name, tool.get("description") instanceof String d ? d : "", schema));
    }

    private final class Tool implements ServerTool {
        private final RemoteSource source;
        private final ToolDefinition definition;

        Tool(RemoteSource source, ToolDefinition definition) {
            this.source = source;
            this.definition = definition;
        }

        @Override
        public ToolDefinition definition() {
            return definition;
        }

        @Override
        public Run run(ToolCall call) {
            try {
                McpClient.Session session = client.open(source);
                return switch (client.request(source, session, "tools/call", Map.of("name", definition.name(),
                        "arguments", call.arguments()))) {
                    case McpClient.Reply.Result result -> ran(result.result());
                    case McpClient.Reply.Error error -> Run.failed(error.message(), Map.of("error", "mcp_error",
                            "mcp_source", source.name()));
                };
            } catch (McpClient.McpException e) {
                return Run.failed(definition.name() + " did not answer (" + e.getMessage() + ")",
                        Map.of("error", "mcp_unreachable", "mcp_source", source.name()));
            }
        }

        private Run ran(Map<String, Object> result) {
            StringBuilder text = new StringBuilder();
            if (result.get("content") instanceof List<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Map<?, ?> p && p.get("text") instanceof String t) {
                        text.append(text.isEmpty() ? "" : "\n").append(t);
                    }
                }
            }
            boolean error = Boolean.TRUE.equals(result.get("isError"));
            return new Run(error ? "Error: " + text : text.toString(), !error, Map.of("mcp_source", source.name()));
        }
    }
}
