package io.olyx.domain.rag;

import io.olyx.domain.llm.ChatMessage;
import java.util.List;

/**
 * The messages of an answer grounded in retrieved passages: a system message that asks for an answer drawn only
 * from the numbered passages, citing them as [n], and a user message with the question and the passages, each on
 * one line as {@code [n] text}. Passages are flattened to one line each, so a passage can never end early at a
 * blank line or smuggle in a line that looks like another passage's number.
 */
public final class GroundedPrompt {
    static final String INSTRUCTIONS = """
            You answer questions from a knowledge base. Use only the numbered passages in the user's message. \
            Cite every passage you rely on by its number in square brackets, like [1] or [2][3]. If the passages \
            do not contain the answer, say that the knowledge base does not answer the question; do not guess.""";

    private GroundedPrompt() {
    }

    /** Several query terms are phrasings of one question, so they share one question line. */
    public static List<ChatMessage> messages(List<String> terms, List<String> passages) {
        StringBuilder user = new StringBuilder("Question: ")
                .append(oneLine(String.join("; ", terms))).append("\n\n");
        user.append(passages.isEmpty() ? "Passages: none were found." : "Passages:");
        for (int i = 0; i < passages.size(); i++) {
            user.append('\n').append('[').append(i + 1).append("] ").append(oneLine(passages.get(i)));
        }
        return List.of(ChatMessage.system(INSTRUCTIONS), ChatMessage.user(user.toString()));
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
