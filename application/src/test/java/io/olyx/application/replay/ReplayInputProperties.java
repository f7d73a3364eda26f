package io.olyx.application.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.application.pipeline.Telemetry;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.project.ProjectSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** What the pipeline records of a conversation (Telemetry) is what a replay sends again (ReplayInput). */
class ReplayInputProperties {
    static final ProjectSettings PUBLIC = ProjectSettings.empty();
    static final ProjectSettings ANONYMIZED = new ProjectSettings(Map.of("telemetry_mode", "anonymized"));

    @Provide
    Arbitrary<List<ChatMessage>> conversations() {
        Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40);
        Arbitrary<String> id = Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8);
        Arbitrary<ChatMessage> message = Arbitraries.oneOf(
                text.map(ChatMessage::system), text.map(ChatMessage::user), text.map(ChatMessage::assistant),
                Combinators.combine(text, id, id).as((t, callId, name) -> ChatMessage.assistant(t,
                        List.of(ToolCall.fromJson("call_" + callId, "tool_" + name, "{\"q\":1}")))),
                Combinators.combine(id, text).as((callId, t) -> ChatMessage.toolResult("call_" + callId, t)));
        return message.list().ofMinSize(1).ofMaxSize(8);
    }

    @Property
    void aRecordedConversationIsSentAgainTurnForTurn(@ForAll("conversations") List<ChatMessage> sent) {
        Object recorded = JsonValues.freeze(Telemetry.conversation(PUBLIC, sent));

        ReplayInput.Prompt prompt = ReplayInput.prompt(recorded);

        assertThat(prompt).isInstanceOf(ReplayInput.Prompt.Messages.class);
        assertThat(((ReplayInput.Prompt.Messages) prompt).messages()).containsExactlyElementsOf(withoutArguments(sent));
    }

    @Property
    void anAnonymizedConversationCannotBeReplayed(@ForAll("conversations") List<ChatMessage> sent) {
        assertThat(ReplayInput.prompt(JsonValues.freeze(Telemetry.conversation(ANONYMIZED, sent))))
                .isInstanceOf(ReplayInput.Prompt.Anonymized.class);
    }

    @Example
    void aSinglePromptIsOneUserTurnEvenEmptyAndOnlyAbsentPayloadsCountAsCleared() {
        assertThat(ReplayInput.prompt("Translate hello")).isEqualTo(new ReplayInput.Prompt.Messages(
                List.of(ChatMessage.user("Translate hello"))));
        assertThat(ReplayInput.prompt("")).isEqualTo(new ReplayInput.Prompt.Messages(List.of(ChatMessage.user(""))));
        assertThat(ReplayInput.prompt(null)).isInstanceOf(ReplayInput.Prompt.Cleared.class);
        assertThat(ReplayInput.prompt(List.of())).isInstanceOf(ReplayInput.Prompt.Unreadable.class);
        assertThat(ReplayInput.prompt(List.of("an embedding input"))).isInstanceOf(ReplayInput.Prompt.Unreadable.class);
    }

    @Example
    void declaredToolsAreDeclaredAgain() {
        Map<String, Object> parameters = Map.of("type", "object", "properties", Map.of("city", Map.of("type",
                "string")));
        Map<String, Object> details = JsonValues.freezeObject(Map.of("tools", List.of(Map.of("name", "get_weather",
                "description", "Weather now", "parameters", parameters), Map.of("name", "broken"))));

        assertThat(ReplayInput.tools(details)).containsExactly(new ToolDefinition("get_weather", "Weather now",
                parameters));
        assertThat(ReplayInput.tools(Map.of())).isEmpty();
    }

    /** Tool calls are recorded by id and name only; a replay sends them with empty arguments. */
    private static List<ChatMessage> withoutArguments(List<ChatMessage> sent) {
        List<ChatMessage> expected = new ArrayList<>();
        for (ChatMessage m : sent) {
            expected.add(new ChatMessage(m.role(), m.content(), m.toolCalls().stream()
                    .map(c -> ToolCall.fromJson(c.id(), c.name(), "{}")).toList(), m.toolCallId()));
        }
        return expected;
    }
}
