package io.olyx.adapter.providers.support;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.StreamEvent;
import io.olyx.domain.llm.TokenUsage;
import io.olyx.domain.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Builds the final {@link ChatResult} of a stream while passing each piece to the caller's sink. A sink that throws
 * (its client went away) is never called again and marks the stream cancelled; the adapter's read loop checks
 * {@link #cancelled()} after every event, stops reading and closes the connection.
 */
public final class StreamAssembler {
    private final Consumer<StreamEvent> sink;
    private final TokenCounter counter;
    private final ChatRequest request;
    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, PendingCall> calls = new TreeMap<>();
    private final List<ToolCall> completedCalls = new ArrayList<>();
    private String model;
    private FinishReason finishReason;
    private OptionalInt promptTokens = OptionalInt.empty();
    private OptionalInt completionTokens = OptionalInt.empty();
    private int cachedPromptTokens;
    private boolean cancelled;

    public StreamAssembler(Consumer<StreamEvent> sink, TokenCounter counter, ChatRequest request, String model) {
        this.sink = sink;
        this.counter = counter;
        this.request = request;
        this.model = model;
    }

    private static final class PendingCall {
        String id;
        String name;
        final StringBuilder arguments = new StringBuilder();
        boolean completed;
    }

    public boolean cancelled() {
        return cancelled;
    }

    public void model(String reported) {
        if (reported != null && !reported.isBlank()) {
            model = reported;
        }
    }

    public void text(String delta) {
        if (delta == null || delta.isEmpty()) {
            return;
        }
        text.append(delta);
        emit(new StreamEvent.TextDelta(delta));
    }

    /** A piece of a tool call: id and name may come with the first piece only. */
    public void toolCallDelta(int index, Optional<String> id, Optional<String> name, String argumentsFragment) {
        PendingCall call = calls.computeIfAbsent(index, i -> new PendingCall());
        id.filter(s -> !s.isBlank()).ifPresent(s -> call.id = s);
        name.filter(s -> !s.isBlank()).ifPresent(s -> call.name = s);
        String fragment = argumentsFragment == null ? "" : argumentsFragment;
        call.arguments.append(fragment);
        emit(new StreamEvent.ToolCallDelta(index, id.filter(s -> !s.isBlank()), name.filter(s -> !s.isBlank()),
                fragment));
    }

    /** A tool call that arrives whole (Gemini): reported as one delta and completed at once. */
    public void wholeToolCall(int index, ToolCall call) {
        toolCallDelta(index, Optional.of(call.id()), Optional.of(call.name()), call.argumentsJson());
        completeToolCall(index);
    }

    public void completeToolCall(int index) {
        PendingCall call = calls.get(index);
        if (call == null || call.completed) {
            return;
        }
        call.completed = true;
        ToolCall done = ToolCall.fromJson(call.id == null ? "call_" + index : call.id,
                call.name == null ? "unknown" : call.name, call.arguments.toString());
        completedCalls.add(done);
        emit(new StreamEvent.ToolCallCompleted(index, done));
    }

    public void promptTokens(int tokens) {
        promptTokens = OptionalInt.of(tokens);
    }

    public void completionTokens(int tokens) {
        completionTokens = OptionalInt.of(tokens);
    }

    public void cachedPromptTokens(int tokens) {
        cachedPromptTokens = tokens;
    }

    public void finishReason(FinishReason reason) {
        finishReason = reason;
    }

    public boolean hasFinishReason() {
        return finishReason != null;
    }

    public boolean hasOpenToolCalls() {
        return calls.values().stream().anyMatch(c -> !c.completed);
    }

    /** Ends a stream that ran to its end, or was cancelled: completes open tool calls and reports the total. */
    public ChatResult finish() {
        if (cancelled) {
            return snapshot(FinishReason.CANCELLED);
        }
        calls.keySet().forEach(this::completeToolCall);
        FinishReason reason = finishReason != null ? finishReason
                : completedCalls.isEmpty() ? FinishReason.STOP : FinishReason.TOOL_CALLS;
        ChatResult result = snapshot(reason);
        emit(new StreamEvent.Completed(result.finishReason(), result.usage(), result.model()));
        return result;
    }

    /** The failure, carrying what the client already received when anything was emitted. */
    public ProviderFailure failed(ProviderFailure failure) {
        if (failure.partial().isPresent() || (text.isEmpty() && calls.isEmpty())) {
            return failure;
        }
        return failure.withPartial(snapshot(FinishReason.ERROR));
    }

    private ChatResult snapshot(FinishReason reason) {
        List<ToolCall> allCalls = new ArrayList<>(completedCalls);
        if (reason == FinishReason.CANCELLED || reason == FinishReason.ERROR) {
            calls.forEach((index, call) -> {
                if (!call.completed) {
                    allCalls.add(ToolCall.fromJson(call.id == null ? "call_" + index : call.id,
                            call.name == null ? "unknown" : call.name, call.arguments.toString()));
                }
            });
        }
        boolean complete = reason != FinishReason.CANCELLED && reason != FinishReason.ERROR;
        TokenUsage usage = counter.usage(promptTokens, complete ? completionTokens : OptionalInt.empty(),
                cachedPromptTokens, request, text.toString(), allCalls);
        return new ChatResult(text.toString(), allCalls, reason, usage, model);
    }

    private void emit(StreamEvent event) {
        if (cancelled) {
            return;
        }
        try {
            sink.accept(event);
        } catch (Exception clientGone) {
            // the consumer (an HTTP client) went away; stop delivering and let the read loop wind down
            cancelled = true;
        }
    }
}
