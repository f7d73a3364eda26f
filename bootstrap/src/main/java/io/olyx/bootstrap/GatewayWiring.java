package io.olyx.bootstrap;

import io.javalin.Javalin;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.gateway.GatewayRoutes;
import io.olyx.adapter.http.gateway.MemoryRoutes;
import io.olyx.adapter.http.gateway.SkillRoutes;
import io.olyx.adapter.http.gateway.V1Routes;
import io.olyx.adapter.persistence.Database;
import io.olyx.adapter.providers.outbound.OutboundClient;
import io.olyx.application.execution.ToolCallSteps;
import io.olyx.application.gateway.GatewayChat;
import io.olyx.application.gateway.GatewayDirectory;
import io.olyx.application.gateway.GatewayKeys;
import io.olyx.application.gateway.KnowledgeSearch;
import io.olyx.application.gateway.ListV1Models;
import io.olyx.application.gateway.ManageGateways;
import io.olyx.application.gateway.ManageMemories;
import io.olyx.application.gateway.ManageSkills;
import io.olyx.application.model.ModelCatalog;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.port.SecretCipher;
import io.olyx.application.port.StepRecorder;
import io.olyx.application.port.TokenEstimator;
import io.olyx.application.trace.CompleteTrace;
import io.olyx.application.trace.CreateTrace;
import io.olyx.domain.gateway.OutboundPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The AI gateways' part of the composition root (seed 003's /v1 surface, ai-gateways, skills, memories): the
 * outbound HTTP client under the SSRF policy, the gateway/skill cache, the chat use case over the pipeline, and
 * the thread that pings quiet streams.
 */
final class GatewayWiring implements AutoCloseable {
    private final ScheduledExecutorService pings = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon(true).name("olyx-sse-pings").factory());
    private final ManageMemories memories;
    private final List<Consumer<Javalin>> routes;

    record Parts(Database database, ModelCatalog catalog, ModelCallPipeline pipeline, TokenEstimator tokens,
                 SecretCipher cipher, CreateTrace createTrace, CompleteTrace completeTrace, StepRecorder stepRecorder,
                 KnowledgeSearch knowledge,
                 Authenticator auth, Idempotency idempotency, Duration cacheTtl) {
    }

    GatewayWiring(OlyxConfig.Gateways config, Parts p, Clock clock) {
        Database db = p.database();
        OutboundClient outbound = new OutboundClient(policy(config.outboundAllow()));
        GatewayDirectory directory = new GatewayDirectory(db.gateways(), db.skills(), clock, p.cacheTtl());
        GatewayChat chat = new GatewayChat(new GatewayChat.Dependencies(p.pipeline(), directory, p.catalog(),
                p.knowledge(), db.memories(), outbound, p.tokens(), p.createTrace(), p.completeTrace(),
                new ToolCallSteps(p.stepRecorder(), db.ids()), db.ids(), clock, config.callbackTimeout()));
        memories = new ManageMemories(db.memories(), clock);
        routes = List.of(
                new V1Routes(chat, new ListV1Models(p.catalog(), directory), p.auth(), p.idempotency(), pings,
                        config.ssePingInterval())::register,
                new GatewayRoutes(new ManageGateways(db.gateways(), db.unitOfWork(), directory, p.catalog(),
                        new GatewayKeys(p.cipher()), db.ids(), clock), p.auth())::register,
                new SkillRoutes(new ManageSkills(db.skills(), directory, db.ids(), clock), p.auth())::register,
                new MemoryRoutes(memories, p.auth())::register);
    }

    List<Consumer<Javalin>> routes() {
        return routes;
    }

    /** Housekeeping: expired memories are never read; this deletes them. */
    void purgeExpiredMemories() {
        memories.purgeExpired();
    }

    private static OutboundPolicy policy(String allow) {
        try {
            return OutboundPolicy.allowing(allow);
        } catch (RuntimeException e) {
            throw new ConfigLoader.ConfigException("OLYX_OUTBOUND_ALLOW must be a comma-separated list of host, "
                    + "host:port, address or address/prefix entries (got \"" + allow + "\")");
        }
    }

    @Override
    public void close() {
        pings.shutdownNow();
    }
}
