package io.olyx.application.gateway;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.execution.ToolCallSteps;
import io.olyx.application.model.ModelCatalog;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.ModelRequest;
import io.olyx.application.pipeline.ModelSelection;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.application.pipeline.StreamSink;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.MemoryRepository;
import io.olyx.application.port.OutboundHttp;
import io.olyx.application.port.TokenEstimator;
import io.olyx.application.trace.CompleteTrace;
import io.olyx.application.trace.CreateTrace;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * POST /v1/chat/completions: a call to one of the project's AI gateways (by id or slug) or, failing that, to a
 * registered model. Every model call it makes goes through the {@link ModelCallPipeline} (guarded, routed, priced,
 * recorded) with PII redacted; a gateway call adds its configuration around the conversation and runs its
 * server-side tools in between (see {@link ToolRounds}).
 */
public final class GatewayChat {
    public static final String ENDPOINT = "v1.chat.completions";

    private final GatewayDirectory directory;
    private final ModelCatalog catalog;
    private final ModelCallPipeline pipeline;
    private final GatewayTraces traces;
    private final ServerToolKit toolKit;
    private final CallPreparation preparation;
    private final ToolRounds rounds;

    /** What a gateway call reaches: the pipeline, the stores, the outbound HTTP port and the RAG search. */
    public record Dependencies(ModelCallPipeline pipeline, GatewayDirectory directory, ModelCatalog catalog,
                               KnowledgeSearch knowledge, MemoryRepository memories, OutboundHttp http,
                               TokenEstimator tokens, CreateTrace createTrace, CompleteTrace completeTrace,
                               ToolCallSteps toolSteps, IdGenerator ids, Clock clock, Duration callbackTimeout) {
    }

    public GatewayChat(Dependencies d) {
        this.directory = d.directory();
        this.catalog = d.catalog();
        this.pipeline = d.pipeline();
        this.traces = new GatewayTraces(d.createTrace(), d.completeTrace());
        this.toolKit = new ServerToolKit(d.http(), new McpTools(d.http(), d.clock()), d.memories(), d.knowledge(),
                d.ids(), d.clock(), d.callbackTimeout());
        this.preparation = new CallPreparation(d.directory(), new KnowledgeStep(d.knowledge(), d.pipeline()),
                new PromptAssembly(new RemoteTexts(d.http(), d.clock()), d.memories(), d.clock()), d.tokens());
        this.rounds = new ToolRounds(d.pipeline(), d.toolSteps(), d.clock());
    }

    public ChatOutcome complete(ChatCommand command, KeyCaller caller, Optional<StreamSink> sink) {
        Trace.validateMetadata(command.metadata());
        Optional<Gateway> gateway = directory.resolve(caller.projectId(), command.model());
        if (gateway.isPresent()) {
            return viaGateway(gateway.get(), command, caller, sink);
        }
        if (catalog.find(caller.projectId(), command.model()).isEmpty()) {
            return new ChatOutcome.UnknownModel(command.model());
        }
        Optional<RoundSink> roundSink = sink.map(s -> new RoundSink(s, Set.of()));
        ModelRequest request = new ModelRequest(caller, command.traceId(), Optional.empty(), command.messages(),
                command.tools(), command.toolChoice(), command.options(), new ModelSelection.Explicit(command.model()),
                true, ENDPOINT, Map.of(), command.metadata());
        PipelineResult result = roundSink.isPresent() ? pipeline.stream(request, roundSink.get())
                : pipeline.call(request);
        roundSink.ifPresent(RoundSink::release);
        return completed(result, Optional.empty(), List.of(), Optional.empty(), false, List.of());
    }

    private ChatOutcome viaGateway(Gateway gateway, ChatCommand command, KeyCaller caller,
                                   Optional<StreamSink> sink) {
        GatewayParameters p = gateway.parameters();
        boolean severalCalls = ServerToolKit.offersAny(p, command.externalUserId())
                || (p.knowledge().enabled() && p.knowledge().strategy().rewrites());
        Optional<TraceId> trace = command.traceId().isPresent() ? command.traceId()
                : traces.open(caller, command.metadata(), severalCalls);
        boolean answered = false;
        try {
            Map<String, ServerTool> server = toolKit.forCall(p, caller.projectId(), command.externalUserId());
            CallPreparation.Prepared prepared = preparation.prepare(gateway, command, caller, trace,
                    server.values().stream().map(ServerTool::definition).toList());
            if (prepared instanceof CallPreparation.Prepared.TooLarge tooLarge) {
                return new ChatOutcome.ContextTooLarge(tooLarge.tokens(), tooLarge.limit());
            }
            CallPreparation.Prepared.Ready ready = (CallPreparation.Prepared.Ready) prepared;
            requireKnownToolChoice(command.toolChoice(), ready);
            Optional<String> shownPrefill = p.prompting().assistantPrefill()
                    .filter(x -> p.prompting().includePrefillInAnswer());
            Optional<RoundSink> roundSink = sink.map(s -> new RoundSink(s, server.keySet()));
            roundSink.ifPresent(rs -> shownPrefill.ifPresent(text -> rs.text(p.modelName(), text)));
            ToolRounds.Ended ended = rounds.run(ready, command, server, trace, roundSink);
            ChatOutcome outcome = completed(ended.last(), Optional.of(gateway), ended.rounds(), ready.rewrite(),
                    p.routing().isPresent(), ended.functions());
            answered = outcome instanceof ChatOutcome.Completed;
            return sink.isPresent() ? outcome : withPrefill(outcome, shownPrefill);
        } finally {
            if (command.traceId().isEmpty()) { // the caller's own trace is the caller's to complete
                traces.close(caller, trace, answered);
            }
        }
    }

    private static ChatOutcome completed(PipelineResult last, Optional<Gateway> gateway,
                                         List<PipelineResult.Answered> rounds,
                                         Optional<PipelineResult.Answered> rewrite, boolean routed,
                                         List<ChatOutcome.FunctionRun> functions) {
        if (!(last instanceof PipelineResult.Answered answer)) {
            return new ChatOutcome.Failed(last);
        }
        List<PipelineResult.Answered> all = rounds.isEmpty() ? List.of(answer) : rounds;
        return new ChatOutcome.Completed(answer, gateway, UsageReport.usage(all), UsageReport.lines(all, rewrite,
                routed), functions);
    }

    private static ChatOutcome withPrefill(ChatOutcome outcome, Optional<String> prefill) {
        if (!(outcome instanceof ChatOutcome.Completed c) || prefill.isEmpty()) {
            return outcome;
        }
        PipelineResult.Answered a = c.answer();
        ChatResult r = a.result();
        PipelineResult.Answered shown = new PipelineResult.Answered(a.trace(), a.step(),
                new ChatResult(prefill.get() + r.text(), r.toolCalls(), r.finishReason(), r.usage(), r.model()),
                a.model(), a.tier(), a.screening());
        return new ChatOutcome.Completed(shown, c.gateway(), c.usage(), c.usageLines(), c.functions());
    }

    private static void requireKnownToolChoice(ToolChoice choice, CallPreparation.Prepared.Ready ready) {
        if (choice instanceof ToolChoice.Named named) {
            InvalidInput.require(ready.tools().stream().anyMatch(t -> t.name().equals(named.name())), "tool_choice",
                    "tool_choice names the tool \"" + named.name() + "\", which this call does not offer");
        }
    }
}
