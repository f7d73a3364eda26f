package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.rag.RerankerKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Retrieval before the model call: which collections, how many passages at which minimum score (0..1, the search
 * engine's scale), which reranker, whether neighbouring chunks come along as references, and how the search term
 * is made from the conversation.
 */
public record KnowledgeSettings(List<UUID> collections, RerankerKind reranker, int maximumResults,
                                double minimumScore, boolean useReferences, QueryStrategy strategy,
                                int rewriteContextSize, int concatenateContextSize) {
    public static final int DEFAULT_MAXIMUM_RESULTS = 5;
    public static final int MAX_RESULTS = 50;
    public static final int DEFAULT_CONTEXT_SIZE = 3;

    public KnowledgeSettings {
        collections = List.copyOf(collections);
        Objects.requireNonNull(reranker, "reranker");
        Objects.requireNonNull(strategy, "strategy");
    }

    public boolean enabled() {
        return !collections.isEmpty();
    }

    static KnowledgeSettings read(JsonFields p) {
        List<UUID> collections = new ArrayList<>();
        for (String id : p.strings("knowledgeCollections")) {
            collections.add(Uuids.parse(id).orElseThrow(() -> new InvalidInput(p.name("knowledgeCollections"),
                    p.name("knowledgeCollections") + " must hold collection ids (UUIDs), got \"" + id + "\"")));
        }
        RerankerKind reranker = p.text("rerankerName").map(name -> RerankerKind.parse(name).orElseThrow(() ->
                new InvalidInput(p.name("rerankerName"), p.name("rerankerName") + " must be none, lexical or smart")))
                .orElse(RerankerKind.LEXICAL);
        double minimumScore = p.number("knowledgeBaseMinimumScore").map(Number::doubleValue).orElse(0.0);
        InvalidInput.require(minimumScore >= 0 && minimumScore <= 1, p.name("knowledgeBaseMinimumScore"),
                p.name("knowledgeBaseMinimumScore") + " must be between 0 and 1");
        JsonFields strategy = p.child("queryStrategyParameters");
        return new KnowledgeSettings(List.copyOf(collections), reranker,
                p.wholeNumber("knowledgeBaseMaximumResults", DEFAULT_MAXIMUM_RESULTS, 1, MAX_RESULTS), minimumScore,
                p.flag("knowledgeUseReferences", false),
                p.choice("queryStrategy", QueryStrategy.class, QueryStrategy.PLAIN),
                strategy.wholeNumber("rewriteContextSize", DEFAULT_CONTEXT_SIZE, 1, 50),
                strategy.wholeNumber("concatenateContextSize", DEFAULT_CONTEXT_SIZE, 1, 50));
    }
}
