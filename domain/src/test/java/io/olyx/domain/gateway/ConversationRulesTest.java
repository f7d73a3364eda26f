package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.project.ProjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Search terms per query strategy, the memory tool's rules, tool visibility and the prompt template. */
class ConversationRulesTest {
    private static final Instant NOW = Instant.parse("2026-04-12T09:00:00Z");
    private static final List<ChatMessage> CHAT = List.of(ChatMessage.system("s"), ChatMessage.user("one"),
            ChatMessage.assistant("reply"), ChatMessage.user("two"), ChatMessage.user("three"));

    private static KnowledgeSettings strategy(String name) {
        return GatewayParameters.parse(Map.of("modelName", "m", "queryStrategy", name, "queryStrategyParameters",
                Map.of("concatenateContextSize", 2L, "rewriteContextSize", 1L))).knowledge();
    }

    @Test
    void searchTermsFollowTheQueryStrategy() {
        assertThat(SearchTerms.direct(CHAT, strategy("Plain"))).contains("three");
        assertThat(SearchTerms.direct(CHAT, strategy("Concatenate"))).contains("two\nthree");
        assertThat(SearchTerms.transcript(CHAT, strategy("UserRewrite"))).isEqualTo("user: three");
        assertThat(SearchTerms.transcript(CHAT, strategy("FullRewrite"))).isEqualTo("user: two\nuser: three");
        assertThat(SearchTerms.direct(List.of(ChatMessage.system("only")), strategy("Plain"))).isEmpty();
    }

    @Test
    void theMemoryToolKeepsFactsForTheirLifetimeAndRemindersUntilADayAfterTheyAreDue() {
        Duration life = Duration.ofDays(30);
        assertThat(MemoryRequest.read(Map.of("content", "Likes tea"), NOW, life))
                .isEqualTo(new MemoryRequest.Accepted("Likes tea", MemoryFormat.TEXT, NOW.plus(life)));
        assertThat(MemoryRequest.read(Map.of("content", "Dentist", "format", "DateReminder", "date",
                "2026-05-01T09:00:00Z"), NOW, life)).isEqualTo(new MemoryRequest.Accepted("Dentist",
                MemoryFormat.DATE_REMINDER, Instant.parse("2026-05-02T09:00:00Z")));
        assertThat(MemoryRequest.read(Map.of("content", "Past", "format", "DateReminder", "date",
                "2020-01-01T00:00:00Z"), NOW, life)).isInstanceOf(MemoryRequest.Rejected.class);
        assertThat(MemoryRequest.read(Map.of("content", " "), NOW, life)).isInstanceOf(MemoryRequest.Rejected.class);
        assertThat(MemoryRequest.read(Map.of("content", "x", "format", "Poem"), NOW, life))
                .isInstanceOf(MemoryRequest.Rejected.class);
    }

    @Test
    void hiddenToolsNeedAnEnablingSkillOrTheAlwaysVisibleList() {
        List<ToolDefinition> tools = List.of(ToolDefinition.withoutParameters("search", ""),
                ToolDefinition.withoutParameters("refund", ""), ToolDefinition.withoutParameters("clock", ""));
        Skill refunds = new Skill(new SkillId(UUID.randomUUID()), new ProjectId(1), Skill.Definition.parse(Map.of(
                "slug", "refunds", "instructions", "Refund carefully.", "options",
                Map.of("allowedToolsNames", List.of("refund")))), NOW);
        assertThat(ToolVisibility.visible(tools, false, List.of(), List.of())).hasSize(3);
        assertThat(ToolVisibility.visible(tools, true, List.of("clock"), List.of(refunds)))
                .extracting(ToolDefinition::name).containsExactly("refund", "clock");
    }

    @Test
    void theUserPromptTemplateWrapsTheMessage() {
        assertThat(new Prompting(Optional.of("Answer politely: {prompt}"), Optional.empty(), false)
                .applyTemplate("hi")).isEqualTo("Answer politely: hi");
        assertThat(new Prompting(Optional.of("Context first."), Optional.empty(), false).applyTemplate("hi"))
                .isEqualTo("Context first.\n\nhi");
    }

    @Test
    void slugsAreTheNameInWordsAndTheEndOfTheId() {
        GatewayId id = new GatewayId(UUID.fromString("0198683a-2b6d-7066-9598-6ea119c250c3"));
        assertThat(Gateway.slugFor("Support Bot (EU)!", id, 4)).isEqualTo("support-bot-eu:50c3");
        assertThat(Gateway.slugFor("***", id, 8)).isEqualTo("gateway:19c250c3");
    }
}
