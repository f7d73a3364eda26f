package io.olyx.application.gateway;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.execution.ToolCallSteps;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.ModelRequest;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.application.pipeline.StreamSink;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.TraceId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server-side tool loop: call the model; when it asks for tools Olyx runs (protocol functions, memory,
 * knowledge, MCP), run them, record each as a tool_call step under the run step that asked, append the assistant
 * turn and the results, and call again with that step as parent. At most {@value #MAX_ROUNDS} model calls, the
 * last with tool_choice none, so a model that keeps calling tools still ends with an answer. An answer that also
 * asks for the client's own tools ends the loop: those calls go back to the client.
 */
final class ToolRounds {
    static final int MAX_ROUNDS = 8;

    private final ModelCallPipeline pipeline;
    private final ToolCallSteps toolSteps;
    private final Clock clock;

    ToolRounds(ModelCallPipeline pipeline, ToolCallSteps toolSteps, Clock clock) {
        this.pipeline = pipeline;
        this.toolSteps = toolSteps;
        this.clock = clock;
    }

    record Ended(PipelineResult last, List<PipelineResult.Answered> rounds, List<ChatOutcome.FunctionRun> functions) {
    }

    Ended run(CallPreparation.Prepared.Ready ready, ChatCommand command, Map<String, ServerTool> server,
              Optional<TraceId> trace, Optional<RoundSink> sink) {
        List<ChatMessage> messages = new ArrayList<>(ready.messages());
        List<PipelineResult.Answered> rounds = new ArrayList<>();
        List<ChatOutcome.FunctionRun> functions = new ArrayList<>();
        Optional<StepId> parent = Optional.empty();
        for (int round = 1; ; round++) {
            boolean last = round == MAX_ROUNDS;
            ToolChoice choice = last ? ToolChoice.NONE : round == 1 ? command.toolChoice() : ToolChoice.AUTO;
            ModelRequest request = new ModelRequest(ready.caller(), trace, parent, messages, ready.tools(), choice,
                    ready.options(), ready.selection(), true, GatewayChat.ENDPOINT,
                    round == 1 ? ready.details() : Map.of("gateway_id", ready.details().get("gateway_id"),
                            "round", round), command.metadata());
            PipelineResult result = sink.isPresent() ? pipeline.stream(request, sink.get()) : pipeline.call(request);
            if (!(result instanceof PipelineResult.Answered answered)) {
                return new Ended(result, rounds, functions);
            }
            rounds.add(answered);
            List<ToolCall> serverCalls = answered.result().toolCalls().stream()
                    .filter(c -> server.containsKey(c.name())).toList();
            boolean clientCalls = serverCalls.size() < answered.result().toolCalls().size();
            if (serverCalls.isEmpty() || last) {
                sink.ifPresent(RoundSink::release);
                return new Ended(clientOnly(answered, server), rounds, functions);
            }
            messages.add(ChatMessage.assistant(answered.result().text(), serverCalls));
            for (ToolCall call : serverCalls) {
                ServerTool.Run run = runAndRecord(ready.caller(), answered, server.get(call.name()), call,
                        functions);
                messages.add(ChatMessage.toolResult(call.id(), run.content()));
            }
            if (clientCalls) {
                sink.ifPresent(RoundSink::release);
                return new Ended(clientOnly(answered, server), rounds, functions);
            }
            sink.ifPresent(RoundSink::discard);
            parent = trace.map(t -> answered.step().id());
        }
    }

    private ServerTool.Run runAndRecord(KeyCaller caller, PipelineResult.Answered asked, ServerTool tool,
                                        ToolCall call, List<ChatOutcome.FunctionRun> functions) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        ServerTool.Run run = tool.run(call);
        double ms = (System.nanoTime() - t0) / 1_000_000.0;
        toolSteps.record(caller, asked.step(), call, run.content(), ms, started,
                run.succeeded() ? StepOutcome.OK : StepOutcome.FAILED, run.details());
        functions.add(new ChatOutcome.FunctionRun(call.id(), call.name(), call.arguments(), run.succeeded(),
                run.content(), ms));
        return run;
    }

    /** The answer as the client sees it: without the calls Olyx ran itself. */
    private static PipelineResult.Answered clientOnly(PipelineResult.Answered a, Map<String, ServerTool> server) {
        List<ToolCall> client = a.result().toolCalls().stream().filter(c -> !server.containsKey(c.name())).toList();
        if (client.size() == a.result().toolCalls().size()) {
            return a;
        }
        ChatResult r = a.result();
        return new PipelineResult.Answered(a.trace(), a.step(), new ChatResult(r.text(), client, r.finishReason(),
                r.usage(), r.model()), a.model(), a.tier(), a.screening());
    }
}
