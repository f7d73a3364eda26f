package io.olyx.adapter.providers.sandbox;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The sandbox "model": a pure function of the request. In order: call a tool when tools fit the question and no
 * tool result answered it yet; summarise tool results when they came back; answer from numbered passages when
 * the prompt carries retrieved context; otherwise echo a short summary of the request. Everything it writes starts
 * with "[sandbox]" so nobody mistakes it for a real model.
 */
final class SandboxChat {
    private final SandboxToolCaller toolCaller = new SandboxToolCaller();
    private final SandboxRagAnswerer ragAnswerer = new SandboxRagAnswerer();

    sealed interface Reply {
        record Text(String text) implements Reply {
        }

        record Call(ToolCall call) implements Reply {
        }
    }

    Reply reply(ChatRequest request) {
        List<ChatMessage> messages = request.messages();
        int lastUser = lastIndexOf(messages, ChatRole.USER);
        String userText = lastUser < 0 ? "" : messages.get(lastUser).content();
        List<ChatMessage> afterUser = messages.subList(lastUser + 1, messages.size());
        List<ChatMessage> toolResults = afterUser.stream().filter(m -> m.role() == ChatRole.TOOL).toList();

        if (toolResults.isEmpty()) {
            Optional<ToolCall> call = toolCaller.decide(request.tools(), request.toolChoice(), userText,
                    messages.size());
            if (call.isPresent()) {
                return new Reply.Call(call.get());
            }
        } else {
            return new Reply.Text(summariseToolResults(messages, toolResults));
        }
        String allText = messages.stream().filter(m -> m.role() != ChatRole.ASSISTANT)
                .map(ChatMessage::content).collect(Collectors.joining("\n\n"));
        Optional<String> rag = ragAnswerer.answer(allText, userText);
        return new Reply.Text(rag.orElseGet(() -> echo(userText, messages.size())));
    }

    private static String summariseToolResults(List<ChatMessage> messages, List<ChatMessage> results) {
        Map<String, String> names = new java.util.HashMap<>();
        messages.forEach(m -> m.toolCalls().forEach(c -> names.put(c.id(), c.name())));
        List<String> parts = new ArrayList<>();
        for (ChatMessage result : results) {
            String id = result.toolCallId().orElse("");
            parts.add(names.getOrDefault(id, "the tool") + " returned: " + Words.shorten(result.content(), 300));
        }
        return "[sandbox] Based on the tool results, " + String.join("; ", parts);
    }

    private static String echo(String userText, int turns) {
        if (userText.isBlank()) {
            return "[sandbox] Hello! This is Olyx's offline sandbox model. Register a provider model to get real "
                    + "answers.";
        }
        String summary = Words.shorten(userText, 160);
        int words = Words.all(userText).size();
        return "[sandbox] You asked (" + words + (words == 1 ? " word" : " words")
                + (turns > 1 ? ", turn " + turns : "") + "): \"" + summary
                + "\". This is Olyx's offline sandbox model; register a provider model to get real answers.";
    }

    private static int lastIndexOf(List<ChatMessage> messages, ChatRole role) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == role) {
                return i;
            }
        }
        return -1;
    }
}
