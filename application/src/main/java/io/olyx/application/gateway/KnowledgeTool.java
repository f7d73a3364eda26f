package io.olyx.application.gateway;

import io.olyx.domain.gateway.BuiltinTools;
import io.olyx.domain.gateway.KnowledgePassage;
import io.olyx.domain.gateway.KnowledgeSettings;
import io.olyx.domain.gateway.SystemPrompt;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.project.ProjectId;
import java.util.List;
import java.util.Map;

/** The QueryFunction strategy: the model searches the gateway's collections itself, as often as it needs. */
final class KnowledgeTool implements ServerTool {
    private final KnowledgeSearch search;
    private final ProjectId project;
    private final KnowledgeSettings settings;

    KnowledgeTool(KnowledgeSearch search, ProjectId project, KnowledgeSettings settings) {
        this.search = search;
        this.project = project;
        this.settings = settings;
    }

    @Override
    public ToolDefinition definition() {
        return BuiltinTools.SEARCH_KNOWLEDGE_TOOL;
    }

    @Override
    public Run run(ToolCall call) {
        if (!(call.arguments().get("query") instanceof String query) || query.isBlank()) {
            return Run.failed("query is required", Map.of("error", "invalid_arguments"));
        }
        List<KnowledgePassage> passages = KnowledgeStep.search(search, project, settings, query);
        if (passages.isEmpty()) {
            return new Run("No passage matched.", true, Map.of("passages", 0));
        }
        return new Run(new SystemPrompt().knowledge(passages, settings.useReferences()).text(), true,
                Map.of("passages", passages.size()));
    }
}
