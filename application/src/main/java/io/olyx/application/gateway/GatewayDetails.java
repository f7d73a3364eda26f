package io.olyx.application.gateway;

import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.KnowledgePassage;
import io.olyx.domain.gateway.Skill;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a gateway call's first step records about how its prompt was made (ids and scores, never the content). */
final class GatewayDetails {
    private GatewayDetails() {
    }

    static Map<String, Object> of(Gateway gateway, List<Skill> skills, PromptAssembly.Assembled prompt,
                                  KnowledgeStep.Retrieved retrieved, int droppedMessages) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("gateway_id", gateway.id().toString());
        details.put("gateway_slug", gateway.slug());
        if (!skills.isEmpty()) {
            details.put("skills", skills.stream().map(Skill::slug).toList());
        }
        if (!prompt.memories().isEmpty()) {
            details.put("memories", prompt.memories().size());
        }
        retrieved.query().ifPresent(query -> {
            Map<String, Object> knowledge = new LinkedHashMap<>();
            knowledge.put("strategy", gateway.parameters().knowledge().strategy().toString());
            knowledge.put("passages", retrieved.passages().stream().map(GatewayDetails::passage).toList());
            details.put("knowledge", knowledge);
        });
        if (!prompt.problems().isEmpty()) {
            details.put("instruction_source_errors", prompt.problems());
        }
        if (droppedMessages > 0) {
            details.put("context_truncated_messages", droppedMessages);
        }
        return details;
    }

    private static Map<String, Object> passage(KnowledgePassage p) {
        return Map.of("collection_id", p.collectionId(), "document_id", p.documentId(), "score", p.score());
    }
}
