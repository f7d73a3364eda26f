package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import io.olyx.domain.llm.ToolCall;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class ContextWindowProperties {

    @Property
    void truncatedConversationsFitKeepTheSystemPromptAndAreASuffix(
            @ForAll("conversations") List<ChatMessage> messages, @ForAll @IntRange(min = 1, max = 400) int limit) {
        ContextWindow.Fit fit = ContextWindow.fit(messages, ContextWindowTest.limits(limit, OverflowAction.TRUNCATE),
                ContextWindowTest.CHARS);
        if (fit instanceof ContextWindow.Fit.Fitted fitted) {
            List<ChatMessage> kept = fitted.messages();
            assertThat(kept.stream().mapToInt(ContextWindowTest.CHARS).sum()).isLessThanOrEqualTo(limit);
            assertThat(kept.get(0)).isEqualTo(messages.get(0));
            List<ChatMessage> rest = kept.subList(1, kept.size());
            assertThat(messages.subList(messages.size() - rest.size(), messages.size())).isEqualTo(rest);
            assertThat(rest).isNotEmpty();
            assertThat(rest.get(0).role()).isNotEqualTo(ChatRole.TOOL);
        } else {
            int lastTurn = ContextWindowTest.CHARS.applyAsInt(messages.get(0))
                    + ContextWindowTest.CHARS.applyAsInt(messages.get(messages.size() - 1));
            assertThat(lastTurn).isGreaterThan(limit);
        }
    }

    /** A system message, then user turns, some followed by an assistant tool call and its result. */
    @Provide
    Arbitrary<List<ChatMessage>> conversations() {
        Arbitrary<String> text = Arbitraries.strings().alpha().ofMaxLength(40);
        Arbitrary<List<ChatMessage>> turn = Arbitraries.oneOf(
                text.map(t -> List.of(ChatMessage.user(t))),
                text.map(t -> List.of(ChatMessage.assistant(t))),
                text.map(t -> List.of(ChatMessage.assistant("", List.of(ToolCall.fromJson("c", "tool", "{}"))),
                        ChatMessage.toolResult("c", t))));
        return turn.list().ofMinSize(1).ofMaxSize(12).flatMap(turns -> text.map(last -> {
            List<ChatMessage> all = new ArrayList<>();
            all.add(ChatMessage.system("system prompt"));
            turns.forEach(all::addAll);
            all.add(ChatMessage.user(last));
            return all;
        }));
    }
}
