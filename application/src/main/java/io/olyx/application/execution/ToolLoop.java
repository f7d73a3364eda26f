package io.olyx.application.execution;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.lease.LeaseKeeper;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.StepRecorder;
import io.olyx.application.port.StepRepository;
import io.olyx.application.port.TraceRepository;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepWriter;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.stream.Collectors.toSet;

/**
 * The server side of seed 001's tool-call loop. The caller sends only its input, the tool results and the step that
 * asked for them; the conversation is rebuilt from the trace: each earlier round's tool calls (stored on its run
 * step) and their results (stored as tool_call steps). The results arriving now are recorded as tool_call steps
 * linked to the run step that asked, timed from that step's answer to now (the caller's tool execution time), all
 * together and before any model is called: the database takes one answer per call, so of two requests answering
 * the same call at once, one goes on and the other is refused without a step or a model call. A request that then
 * ends before any model answered (a rate limit, a failed provider) withdraws its answers, so its retry can send them
 * again. A request whose node dies cannot withdraw them: its answers hold a lease that its node renews while the
 * request runs ({@link LeaseKeeper}), and once that lease has run out with no model answer or block after them, a
 * request answering the same calls takes them over (in one transaction, so of two such retries one does).
 */
public final class ToolLoop {
    private static final System.Logger LOG = System.getLogger(ToolLoop.class.getName());
    private static final int MAX_ROUNDS = 50;

    private final TraceRepository traces;
    private final StepRepository steps;
    private final StepRecorder recorder;
    private final ToolCallSteps toolSteps;
    private final LeaseKeeper leases;
    private final Clock clock;

    public ToolLoop(TraceRepository traces, StepRepository steps, StepRecorder recorder, IdGenerator ids,
                    LeaseKeeper leases, Clock clock) {
        this.traces = traces;
        this.steps = steps;
        this.recorder = recorder;
        this.toolSteps = new ToolCallSteps(recorder, ids);
        this.leases = leases;
        this.clock = clock;
    }

    public Continuation resume(KeyCaller caller, TraceId trace, StepId parent, List<ToolResult> results) {
        Optional<TraceStatus> status = traces.find(caller.projectId(), trace).map(Trace::status);
        if (status.filter(s -> s.acceptsSteps(StepWriter.CLIENT)).isEmpty()) {
            return new Continuation.TraceNotOpen(status); // answers into a trace that takes no more steps
        }
        Optional<Step> asked = steps.find(caller.projectId(), parent).filter(s -> s.traceId().equals(trace));
        if (asked.isEmpty() || asked.get().type() != StepType.RUN) {
            return new Continuation.Invalid("parent_step_id must be the run step that asked for the tools");
        }
        Map<String, ToolCall> calls = toolCalls(asked.get());
        List<Step> rounds = rounds(caller, asked.get());
        Map<StepId, List<ChatMessage>> recorded = recordedResults(caller, trace,
                rounds.stream().map(Step::id).toList());
        Optional<Continuation> refused = refusal(parent, calls, recorded.getOrDefault(parent, List.of()), results);
        if (refused.isPresent() && !(refused.get() instanceof Continuation.AlreadyAnswered)) {
            return refused.get();
        }
        List<Step> answers = answers(caller, asked.get(), calls, results);
        if (!claimed(answers, refused.isPresent())) {
            return refused.orElseGet(() -> answeredMeanwhile(caller, trace, parent, calls, results));
        }
        List<ChatMessage> history = new ArrayList<>();
        for (Step round : rounds) {
            List<ToolCall> roundCalls = List.copyOf(toolCalls(round).values());
            history.add(ChatMessage.assistant(round.output() instanceof String s ? s : "", roundCalls));
            if (round.id().equals(parent)) {
                results.forEach(r -> history.add(ChatMessage.toolResult(r.toolCallId(), r.content())));
            } else {
                history.addAll(recorded.getOrDefault(round.id(), List.of()));
            }
        }
        List<ToolDefinition> declared = declaredTools(asked.get());
        LeaseKeeper.Held lease = leases.hold(until -> recorder.renewAnswers(answers, until));
        return new Continuation.Resumed(history, declared, answers, lease);
    }

    /**
     * Records the answers, or, when the trace held answers to some of their calls already (maybe recorded by a request
     * whose node then died), takes those over if they are abandoned.
     *
     * @return false when the database kept other answers to one of the calls, and nothing was recorded
     */
    private boolean claimed(List<Step> answers, boolean answeredAlready) {
        Instant leaseUntil = leases.leaseFromNow();
        return (answeredAlready ? recorder.takeOverAnswers(answers, leaseUntil, clock.instant())
                : recorder.recordAnswers(answers, leaseUntil)).isPresent();
    }

    /**
     * Ends a continuation's request: its answers' lease is no longer renewed (a model answer or a block after them
     * keeps them for good), and if nothing decided on them they are {@link #reopen reopened}.
     *
     * @param decided whether a model answered the answers or a guardrail blocked the conversation holding them
     */
    public void end(Continuation.Resumed resumed, boolean decided) {
        resumed.lease().close();
        if (!decided) {
            reopen(resumed);
        }
    }

    /**
     * Takes back the answers a continuation recorded, when its request ended before a model answered them or a
     * guardrail decided on them: the calls are open again for the caller's retry. A failure here is logged, not
     * thrown, so the request still gets the answer it had; the caller's retry then gets the 409 it got before until
     * the answers' lease runs out, and then takes them over. A trace that ended meanwhile keeps them: its summary may
     * already count them.
     */
    private void reopen(Continuation.Resumed resumed) {
        try {
            recorder.withdrawAnswers(resumed.answers());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not withdraw the tool answers under step "
                    + resumed.answers().get(0).parentStepId().map(StepId::value).orElse(0L), e);
        }
    }

    /** The tool_call steps recording {@code results}, timed from the asking step's answer to now. */
    private List<Step> answers(KeyCaller caller, Step asked, Map<String, ToolCall> calls, List<ToolResult> results) {
        Instant answeredAt = asked.createdAt().plusNanos((long) (asked.latencyMs() * 1_000_000));
        double waitedMs = Math.max(0, Duration.between(answeredAt, clock.instant()).toNanos() / 1_000_000.0);
        return results.stream().map(result -> toolSteps.step(caller, asked, calls.get(result.toolCallId()),
                result.content(), waitedMs, answeredAt, StepOutcome.OK, Map.of())).toList();
    }

    /**
     * The database refused the answers: another request recorded an answer to one of these calls after this one
     * read them. That answer is committed by now, so reading again names the call.
     */
    private Continuation answeredMeanwhile(KeyCaller caller, TraceId trace, StepId parent,
                                           Map<String, ToolCall> calls, List<ToolResult> results) {
        List<ChatMessage> recorded = recordedResults(caller, trace, List.of(parent)).getOrDefault(parent, List.of());
        return refusal(parent, calls, recorded, results).orElseGet(() -> new Continuation.AlreadyAnswered(
                "a tool_call_id of step " + parent.value() + " already has a recorded result"));
    }

    /**
     * Each result must answer a call the step asked for, once: a second answer to the same call (in this request or
     * an earlier one) would record a second tool_call step timed from the same model answer, counting the caller's
     * tool time twice in the trace's tool overhead, and would show the model two answers to one call. Invalid results
     * are looked for first: an {@link Continuation.AlreadyAnswered} refusal means the results are otherwise valid,
     * so they may take over abandoned answers.
     */
    private static Optional<Continuation> refusal(StepId parent, Map<String, ToolCall> calls,
                                                  List<ChatMessage> alreadyRecorded, List<ToolResult> results) {
        Set<String> seen = new HashSet<>();
        for (ToolResult result : results) {
            String id = result.toolCallId();
            if (!calls.containsKey(id)) {
                return Optional.of(new Continuation.Invalid("tool_call_id \"" + id + "\" was not asked for by step "
                        + parent.value()));
            }
            if (!seen.add(id)) {
                return Optional.of(new Continuation.Invalid("tool_call_id \"" + id
                        + "\" appears more than once in tool_results"));
            }
        }
        Set<String> answered = alreadyRecorded.stream().map(m -> m.toolCallId().orElse("")).collect(toSet());
        return results.stream().map(ToolResult::toolCallId).filter(answered::contains).findFirst()
                .map(id -> new Continuation.AlreadyAnswered("tool_call_id \"" + id + "\" of step " + parent.value()
                        + " already has a recorded result"));
    }

    private List<Step> rounds(KeyCaller caller, Step last) {
        Deque<Step> chain = new ArrayDeque<>();
        Optional<Step> current = Optional.of(last);
        while (current.isPresent() && chain.size() < MAX_ROUNDS) {
            chain.addFirst(current.get());
            current = current.get().parentStepId().flatMap(id -> steps.find(caller.projectId(), id))
                    .filter(p -> p.type() == StepType.RUN && !toolCalls(p).isEmpty());
        }
        return List.copyOf(chain);
    }

    /** The tool results recorded under each earlier round, read by parent rather than from the whole trace. */
    private Map<StepId, List<ChatMessage>> recordedResults(KeyCaller caller, TraceId trace, List<StepId> rounds) {
        Map<StepId, List<ChatMessage>> byRound = new HashMap<>();
        for (Step s : steps.toolCallsUnder(caller.projectId(), trace, rounds)) {
            byRound.computeIfAbsent(s.parentStepId().orElseThrow(), id -> new ArrayList<>())
                    .add(ChatMessage.toolResult(String.valueOf(s.details().get("tool_call_id")),
                            s.output() instanceof String content ? content : ""));
        }
        return byRound;
    }

    @SuppressWarnings("unchecked")
    static Map<String, ToolCall> toolCalls(Step run) {
        Map<String, ToolCall> calls = new LinkedHashMap<>();
        if (run.details().get("tool_calls") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("id") instanceof String id
                        && map.get("name") instanceof String name) {
                    Object args = map.get("arguments");
                    calls.put(id, args instanceof Map<?, ?> parsed
                            ? ToolCall.of(id, name, (Map<String, Object>) parsed)
                            : ToolCall.fromJson(id, name, args instanceof String raw ? raw : "{}"));
                }
            }
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private static List<ToolDefinition> declaredTools(Step run) {
        List<ToolDefinition> tools = new ArrayList<>();
        if (run.details().get("tools") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map && map.get("name") instanceof String name) {
                    Object parameters = map.get("parameters");
                    tools.add(new ToolDefinition(name, map.get("description") instanceof String d ? d : "",
                            parameters instanceof Map<?, ?> p ? JsonValues.freezeObject(p) : Map.of()));
                }
            }
        }
        return tools;
    }

    public sealed interface Continuation {
        /**
         * @param answers the tool_call steps recorded for the results, which {@link #end} can take back
         * @param lease   the renewal of the answers' lease while the request runs, stopped by {@link #end}
         */
        record Resumed(List<ChatMessage> history, List<ToolDefinition> declaredTools, List<Step> answers,
                       LeaseKeeper.Held lease) implements Continuation {
        }

        record Invalid(String message) implements Continuation {
        }

        /** @param status empty when the caller has no such trace */
        record TraceNotOpen(Optional<TraceStatus> status) implements Continuation {
        }

        /** A result for a call whose result the trace already holds: refused rather than recorded twice. */
        record AlreadyAnswered(String message) implements Continuation {
        }
    }
}
