package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.ToolCall;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.Test;

class ContextWindowTest {
    /** One token per character keeps the arithmetic visible. */
    static final ToIntFunction<ChatMessage> CHARS = m -> m.content().length() + 1;

    static ContextLimits limits(int maximum, OverflowAction action) {
        return new ContextLimits(OptionalInt.of(maximum), action, OptionalInt.empty());
    }

    @Test
    void aConversationUnderTheLimitPassesUnchanged() {
        List<ChatMessage> messages = List.of(ChatMessage.system("rules"), ChatMessage.user("hi"));
        ContextWindow.Fit fit = ContextWindow.fit(messages, limits(100, OverflowAction.THROW), CHARS);
        assertThat(fit).isEqualTo(new ContextWindow.Fit.Fitted(messages, 0, 9));
    }

    @Test
    void throwRefusesAnythingOverTheLimit() {
        ContextWindow.Fit fit = ContextWindow.fit(List.of(ChatMessage.user("x".repeat(20))),
                limits(10, OverflowAction.THROW), CHARS);
        assertThat(fit).isEqualTo(new ContextWindow.Fit.Overflow(21, 10));
    }

    @Test
    void truncateKeepsTheSystemPromptAndTheNewestTurns() {
        List<ChatMessage> messages = List.of(ChatMessage.system("sys"), ChatMessage.user("old question"),
                ChatMessage.assistant("old answer"), ChatMessage.user("new"));
        ContextWindow.Fit fit = ContextWindow.fit(messages, limits(20, OverflowAction.TRUNCATE), CHARS);
        assertThat(fit).isInstanceOf(ContextWindow.Fit.Fitted.class);
        ContextWindow.Fit.Fitted fitted = (ContextWindow.Fit.Fitted) fit;
        assertThat(fitted.messages()).extracting(ChatMessage::content).containsExactly("sys", "old answer", "new");
        assertThat(fitted.droppedMessages()).isEqualTo(1);
    }

    @Test
    void truncationNeverSplitsToolCallsFromTheirResults() {
        ToolCall call = ToolCall.fromJson("c1", "lookup", "{}");
        List<ChatMessage> messages = List.of(ChatMessage.user("question"),
                ChatMessage.assistant("", List.of(call)), ChatMessage.toolResult("c1", "a long tool result"),
                ChatMessage.user("next"));
        ContextWindow.Fit.Fitted fitted = (ContextWindow.Fit.Fitted) ContextWindow.fit(messages,
                limits(15, OverflowAction.TRUNCATE), CHARS);
        assertThat(fitted.messages()).extracting(ChatMessage::content).containsExactly("next");
    }

    @Test
    void whenNotEvenTheLastTurnFitsTruncateStillRefuses() {
        ContextWindow.Fit fit = ContextWindow.fit(List.of(ChatMessage.user("x".repeat(50))),
                limits(10, OverflowAction.TRUNCATE), CHARS);
        assertThat(fit).isInstanceOf(ContextWindow.Fit.Overflow.class);
    }

    @Test
    void onlyTheNewestToolResultsAreKeptInFull() {
        List<ChatMessage> messages = List.of(ChatMessage.assistant("", List.of(ToolCall.fromJson("a", "t", "{}"),
                        ToolCall.fromJson("b", "t", "{}"))), ChatMessage.toolResult("a", "first"),
                ChatMessage.toolResult("b", "second"));
        ContextWindow.Fit.Fitted fitted = (ContextWindow.Fit.Fitted) ContextWindow.fit(messages,
                new ContextLimits(OptionalInt.empty(), OverflowAction.THROW, OptionalInt.of(1)), CHARS);
        assertThat(fitted.messages()).extracting(ChatMessage::content)
                .containsExactly("", ContextWindow.OMITTED_TOOL_RESULT, "second");
        assertThat(fitted.messages().get(1).role()).isEqualTo(ChatRole.TOOL);
    }
}
