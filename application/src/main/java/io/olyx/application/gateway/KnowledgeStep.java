package io.olyx.application.gateway;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.pipeline.ModelRequest;
import io.olyx.application.pipeline.ModelSelection;
import io.olyx.application.pipeline.PipelineResult;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.KnowledgePassage;
import io.olyx.domain.gateway.KnowledgeSettings;
import io.olyx.domain.gateway.QueryStrategy;
import io.olyx.domain.gateway.SearchTerms;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.TraceId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Retrieval before a gateway's model call: the search term per query strategy (a rewrite is a model call of its
 * own, through the pipeline, on the project's simple-tier model or else the gateway's), then the gateway's
 * collections searched with its limits. A rewrite that fails falls back to the last user message.
 */
final class KnowledgeStep {
    static final String REWRITE_ENDPOINT = GatewayChat.ENDPOINT + ".query_rewrite";
    private static final int REWRITE_MAX_TOKENS = 128;

    private final KnowledgeSearch search;
    private final ModelCallPipeline pipeline;

    KnowledgeStep(KnowledgeSearch search, ModelCallPipeline pipeline) {
        this.search = search;
        this.pipeline = pipeline;
    }

    record Retrieved(Optional<String> query, List<KnowledgePassage> passages,
                     Optional<PipelineResult.Answered> rewrite) {
        static final Retrieved NONE = new Retrieved(Optional.empty(), List.of(), Optional.empty());
    }

    Retrieved retrieve(KeyCaller caller, Gateway gateway, List<ChatMessage> conversation, Optional<TraceId> trace) {
        KnowledgeSettings settings = gateway.parameters().knowledge();
        if (!settings.enabled() || settings.strategy() == QueryStrategy.QUERY_FUNCTION) {
            return Retrieved.NONE;
        }
        Optional<String> term = SearchTerms.direct(conversation, settings);
        Optional<PipelineResult.Answered> rewrite = Optional.empty();
        if (settings.strategy().rewrites() && term.isPresent()) {
            rewrite = rewrite(caller, gateway, SearchTerms.transcript(conversation, settings), trace);
            term = rewrite.map(a -> a.result().text().strip()).filter(t -> !t.isEmpty()).or(() -> SearchTerms
                    .direct(conversation, settings));
        }
        return new Retrieved(term, term.map(t -> search(search, caller.projectId(), settings, t)).orElse(List.of()),
                rewrite);
    }

    static List<KnowledgePassage> search(KnowledgeSearch search, ProjectId project, KnowledgeSettings settings,
                                         String text) {
        return search.search(project, new KnowledgeSearch.Query(settings.collections(), text,
                settings.maximumResults(), settings.minimumScore(), settings.reranker(), settings.useReferences()));
    }

    private Optional<PipelineResult.Answered> rewrite(KeyCaller caller, Gateway gateway, String transcript,
                                                      Optional<TraceId> trace) {
        String model = caller.project().settings().tierModel("simple").orElse(gateway.parameters().modelName());
        ModelRequest request = new ModelRequest(caller, trace, Optional.empty(), List.of(
                ChatMessage.system(SearchTerms.REWRITE_INSTRUCTIONS), ChatMessage.user(transcript)), List.of(),
                ToolChoice.AUTO, ChatOptions.DEFAULTS.withMaxTokens(REWRITE_MAX_TOKENS).withTemperature(0),
                new ModelSelection.Explicit(model), true, REWRITE_ENDPOINT,
                Map.of("gateway_id", gateway.id().toString(), "purpose", "knowledge_query_rewrite"), Map.of());
        return pipeline.call(request) instanceof PipelineResult.Answered answered ? Optional.of(answered)
                : Optional.empty();
    }
}
