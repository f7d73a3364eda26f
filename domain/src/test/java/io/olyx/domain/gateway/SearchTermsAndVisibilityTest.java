package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchTermsAndVisibilityTest {
    private static final List<ChatMessage> CONVERSATION = List.of(ChatMessage.system("Be helpful."),
            ChatMessage.user("first question"), ChatMessage.assistant("first answer"),
            ChatMessage.user("second question"), ChatMessage.assistant("second answer"),
            ChatMessage.user("third question"));

    private static KnowledgeSettings knowledge(String strategy, Map<String, Object> strategyParameters) {
        return GatewayParameters.parse(Map.of("modelName", "m", "knowledgeCollections",
                List.of("0198683a-2b6d-7066-9598-6ea119c219f2"), "queryStrategy", strategy,
                "queryStrategyParameters", strategyParameters)).knowledge();
    }

    @Test
    void plainSearchesTheLastUserMessageAndConcatenateJoinsTheNewestOnes() {
        assertThat(SearchTerms.direct(CONVERSATION, knowledge("Plain", Map.of()))).contains("third question");
        assertThat(SearchTerms.direct(CONVERSATION, knowledge("Concatenate", Map.of("concatenateContextSize", 2))))
                .contains("second question\nthird question");
        assertThat(SearchTerms.direct(List.of(ChatMessage.system("only a system prompt")),
                knowledge("Plain", Map.of()))).isEmpty();
    }

    @Test
    void userRewriteSeesUserTurnsOnlyAndFullRewriteBothRoles() {
        assertThat(SearchTerms.transcript(CONVERSATION, knowledge("UserRewrite", Map.of("rewriteContextSize", 2))))
                .isEqualTo("user: second question\nuser: third question");
        assertThat(SearchTerms.transcript(CONVERSATION, knowledge("FullRewrite", Map.of("rewriteContextSize", 1))))
                .isEqualTo("assistant: second answer\nuser: third question");
    }

    @Test
    void hiddenToolsNeedAnEnablingSkillOrToBeAlwaysVisible() {
        List<ToolDefinition> tools = List.of(ToolDefinition.withoutParameters("lookup", "Looks up."),
                ToolDefinition.withoutParameters("ticket", "Opens a ticket."),
                ToolDefinition.withoutParameters("status", "Service status."));
        Skill orders = new Skill(new SkillId(java.util.UUID.fromString("0198683a-2b6d-7066-9598-6ea119c219f3")), new ProjectId(1),
                new Skill.Definition("orders", Optional.empty(), "Look orders up.", List.of(), List.of("lookup"),
                        Map.of()), Instant.EPOCH);

        assertThat(ToolVisibility.visible(tools, false, List.of(), List.of())).hasSize(3);
        assertThat(ToolVisibility.visible(tools, true, List.of("status"), List.of(orders)))
                .extracting(ToolDefinition::name).containsExactly("lookup", "status");
        assertThat(ToolVisibility.visible(tools, true, List.of(), List.of())).isEmpty();
    }
}
