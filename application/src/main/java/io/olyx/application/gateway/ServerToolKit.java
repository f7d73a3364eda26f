package io.olyx.application.gateway;

import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.MemoryRepository;
import io.olyx.application.port.OutboundHttp;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.gateway.ProtocolFunction;
import io.olyx.domain.gateway.QueryStrategy;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The tools Olyx runs itself for one gateway call: the gateway's protocol functions and MCP tools, the memory tool
 * when the request names its end user, and knowledge search under the QueryFunction strategy.
 */
final class ServerToolKit {
    private final OutboundHttp http;
    private final McpTools mcp;
    private final MemoryRepository memories;
    private final KnowledgeSearch knowledge;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration callbackTimeout;

    ServerToolKit(OutboundHttp http, McpTools mcp, MemoryRepository memories, KnowledgeSearch knowledge,
                  IdGenerator ids, Clock clock, Duration callbackTimeout) {
        this.http = http;
        this.mcp = mcp;
        this.memories = memories;
        this.knowledge = knowledge;
        this.ids = ids;
        this.clock = clock;
        this.callbackTimeout = callbackTimeout;
    }

    /** Whether a call may run tools here (and so may take several model calls). */
    static boolean offersAny(GatewayParameters p, Optional<String> externalUserId) {
        return !p.protocolFunctions().isEmpty() || !p.mcpSources().isEmpty() || externalUserId.isPresent()
                || (p.knowledge().enabled() && p.knowledge().strategy() == QueryStrategy.QUERY_FUNCTION);
    }

    /** By tool name. MCP tools whose names clash with the gateway's own tools are left out. */
    Map<String, ServerTool> forCall(GatewayParameters p, ProjectId project, Optional<String> externalUserId) {
        Map<String, ServerTool> tools = new LinkedHashMap<>();
        for (ProtocolFunction f : p.protocolFunctions()) {
            tools.put(f.name(), new CallbackTool(f, http, callbackTimeout));
        }
        externalUserId.ifPresent(user -> add(tools, new RememberTool(memories, ids, clock, project, user)));
        if (p.knowledge().enabled() && p.knowledge().strategy() == QueryStrategy.QUERY_FUNCTION) {
            add(tools, new KnowledgeTool(knowledge, project, p.knowledge()));
        }
        p.mcpSources().forEach(source -> mcp.tools(source).forEach(tool -> {
            if (p.tools().stream().noneMatch(t -> t.name().equals(tool.definition().name()))) {
                tools.putIfAbsent(tool.definition().name(), tool);
            }
        }));
        return tools;
    }

    private static void add(Map<String, ServerTool> tools, ServerTool tool) {
        tools.put(tool.definition().name(), tool);
    }
}
