package io.olyx.domain.gateway;

import io.olyx.domain.llm.ToolDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The tools Olyx itself runs for a gateway: {@code remember} (offered when the caller identifies its end user) and
 * {@code search_knowledge} (the QueryFunction strategy). Their names are reserved in gateway tool lists.
 */
public final class BuiltinTools {
    public static final String REMEMBER = "remember";
    public static final String SEARCH_KNOWLEDGE = "search_knowledge";
    public static final Set<String> NAMES = Set.of(REMEMBER, SEARCH_KNOWLEDGE);

    public static final ToolDefinition REMEMBER_TOOL = new ToolDefinition(REMEMBER,
            "Save something worth remembering about the user you are talking to (a preference, a fact about them, "
                    + "or a reminder for a date), so it is known in later conversations. Use it sparingly.",
            Map.of("type", "object", "required", List.of("content"), "properties", Map.of(
                    "content", Map.of("type", "string", "description", "What to remember, as one short sentence"),
                    "format", Map.of("type", "string", "enum", List.of("Text", "DateReminder"),
                            "description", "Text for facts and preferences; DateReminder for something due on a date"),
                    "date", Map.of("type", "string",
                            "description", "For DateReminder: when it is due, ISO-8601 (2026-05-01T09:00:00Z)"))));

    public static final ToolDefinition SEARCH_KNOWLEDGE_TOOL = new ToolDefinition(SEARCH_KNOWLEDGE,
            "Search the knowledge base attached to this assistant. Call it whenever the answer may depend on "
                    + "documented facts; write the query as a standalone question or keywords.",
            Map.of("type", "object", "required", List.of("query"), "properties", Map.of(
                    "query", Map.of("type", "string", "description", "What to look for"))));

    private BuiltinTools() {
    }
}
