package io.olyx.domain.gateway;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Turns a conversation into what knowledge retrieval needs, per query strategy: the search term itself (Plain,
 * Concatenate), or the transcript a small model rewrites into a standalone question (UserRewrite: the last N user
 * messages; FullRewrite: the last N*2 user and assistant messages).
 */
public final class SearchTerms {
    public static final String REWRITE_INSTRUCTIONS = "Rewrite the conversation below into one standalone search "
            + "query that captures what the user is asking for now. Answer with the query only, no quotes.";

    private SearchTerms() {
    }

    /** The term for the strategies that need no model; empty when there is no user text to search for. */
    public static Optional<String> direct(List<ChatMessage> messages, KnowledgeSettings settings) {
        int count = settings.strategy() == QueryStrategy.CONCATENATE ? settings.concatenateContextSize() : 1;
        List<String> users = recent(messages, count);
        if (users.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(settings.strategy() == QueryStrategy.CONCATENATE ? String.join("\n", users)
                : users.get(users.size() - 1));
    }

    /** The transcript handed to the rewriting model, one "role: text" line per message. */
    public static String transcript(List<ChatMessage> messages, KnowledgeSettings settings) {
        boolean userOnly = settings.strategy() == QueryStrategy.USER_REWRITE;
        int count = userOnly ? settings.rewriteContextSize() : settings.rewriteContextSize() * 2;
        return String.join("\n", collect(messages, count,
                m -> m.role() == ChatRole.USER || (!userOnly && m.role() == ChatRole.ASSISTANT),
                m -> m.role().wire() + ": " + m.content().strip()));
    }

    private static List<String> recent(List<ChatMessage> messages, int count) {
        return collect(messages, count, m -> m.role() == ChatRole.USER, m -> m.content().strip());
    }

    /** The newest {@code count} non-blank messages that pass {@code include}, oldest first. */
    private static List<String> collect(List<ChatMessage> messages, int count, Predicate<ChatMessage> include,
                                        Function<ChatMessage, String> render) {
        List<String> out = new ArrayList<>();
        for (int i = messages.size() - 1; i >= 0 && out.size() < count; i--) {
            ChatMessage m = messages.get(i);
            if (include.test(m) && !m.content().isBlank()) {
                out.add(render.apply(m));
            }
        }
        Collections.reverse(out);
        return out;
    }
}
