package io.olyx.domain.gateway;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Fits a conversation into a gateway's context limits. Older tool results beyond {@code toolContextCount} are
 * replaced by a short note (the call stays, so the conversation keeps its shape). Over {@code maximumSize} tokens,
 * {@code Throw} refuses; {@code Truncate} keeps the leading system messages and the newest turns that fit, never
 * splitting an assistant's tool calls from their results and never starting on a tool result.
 */
public final class ContextWindow {
    public static final String OMITTED_TOOL_RESULT = "[tool result omitted to save context]";

    private ContextWindow() {
    }

    public sealed interface Fit {
        record Fitted(List<ChatMessage> messages, int droppedMessages, int tokens) implements Fit {
            public Fitted {
                messages = List.copyOf(messages);
            }
        }

        record Overflow(int tokens, int limit) implements Fit {
        }
    }

    public static Fit fit(List<ChatMessage> messages, ContextLimits limits, ToIntFunction<ChatMessage> tokens) {
        List<ChatMessage> trimmed = limits.toolContextCount().isPresent()
                ? trimToolResults(messages, limits.toolContextCount().getAsInt()) : List.copyOf(messages);
        if (limits.maximumSize().isEmpty()) {
            return new Fit.Fitted(trimmed, 0, 0);
        }
        int limit = limits.maximumSize().getAsInt();
        int total = trimmed.stream().mapToInt(tokens).sum();
        if (total <= limit) {
            return new Fit.Fitted(trimmed, 0, total);
        }
        if (limits.overflowAction() == OverflowAction.THROW) {
            return new Fit.Overflow(total, limit);
        }
        return truncate(trimmed, limit, tokens, total);
    }

    static List<ChatMessage> trimToolResults(List<ChatMessage> messages, int keep) {
        int seen = 0;
        List<ChatMessage> out = new ArrayList<>(messages);
        for (int i = out.size() - 1; i >= 0; i--) {
            ChatMessage m = out.get(i);
            if (m.role() == ChatRole.TOOL && ++seen > keep) {
                out.set(i, ChatMessage.toolResult(m.toolCallId().orElseThrow(), OMITTED_TOOL_RESULT));
            }
        }
        return List.copyOf(out);
    }

    private static Fit truncate(List<ChatMessage> messages, int limit, ToIntFunction<ChatMessage> tokens,
                                int total) {
        int head = 0;
        while (head < messages.size() && messages.get(head).role() == ChatRole.SYSTEM) {
            head++;
        }
        int used = messages.subList(0, head).stream().mapToInt(tokens).sum();
        Deque<List<ChatMessage>> kept = new ArrayDeque<>();
        List<List<ChatMessage>> turns = turns(messages.subList(head, messages.size()));
        for (int i = turns.size() - 1; i >= 0; i--) {
            int size = turns.get(i).stream().mapToInt(tokens).sum();
            if (used + size > limit) {
                break;
            }
            used += size;
            kept.addFirst(turns.get(i));
        }
        if (kept.isEmpty()) {
            return new Fit.Overflow(total, limit);
        }
        List<ChatMessage> out = new ArrayList<>(messages.subList(0, head));
        kept.forEach(out::addAll);
        return new Fit.Fitted(out, messages.size() - out.size(), used);
    }

    /** Units that are kept or dropped whole: a message, or an assistant's tool calls with their results. */
    private static List<List<ChatMessage>> turns(List<ChatMessage> messages) {
        List<List<ChatMessage>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (m.role() == ChatRole.TOOL && !turns.isEmpty()) {
                turns.get(turns.size() - 1).add(m);
            } else if (m.role() != ChatRole.TOOL) {
                turns.add(new ArrayList<>(List.of(m)));
            }
        }
        return turns;
    }
}
