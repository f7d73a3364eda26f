package io.olyx.domain.rag;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRole;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextAndPromptTest {
    @Test
    void textStatsCountCodePointsWordsAndApproximateTokens() {
        assertThat(TextStats.of("Hello  wide\nworld 🌍")).isEqualTo(new TextStats(19, 4, 5));
        assertThat(TextStats.of("")).isEqualTo(new TextStats(0, 0, 0));
    }

    @Test
    void previewsFlattenWhitespaceAndCutLongTexts() {
        assertThat(DocumentSummary.preview("a\n\n b\tc ")).isEqualTo("a b c");
        String cut = DocumentSummary.preview("word ".repeat(100));
        assertThat(cut).endsWith("…").hasSizeLessThanOrEqualTo(DocumentSummary.PREVIEW_CHARS + 1);
    }

    @Test
    void aPreviewOfEmojiTextEndsInWholeCharacters() {
        assertThat(DocumentSummary.preview("x" + "😀".repeat(150))).isEqualTo("x" + "😀".repeat(99) + "…");
        assertThat(DocumentSummary.preview("😀".repeat(150))).isEqualTo("😀".repeat(100) + "…");
    }

    @Test
    void theGroundedPromptNumbersEachPassageOnItsOwnLine() {
        List<ChatMessage> messages = GroundedPrompt.messages(List.of("When?", "What  year?"),
                List.of("First passage.\n\nWith a blank line.", "[9] Second\npassage."));
        assertThat(messages).extracting(ChatMessage::role).containsExactly(ChatRole.SYSTEM, ChatRole.USER);
        assertThat(messages.get(0).content()).contains("only the numbered passages").contains("[1]");
        assertThat(messages.get(1).content().lines().toList()).containsExactly(
                "Question: When?; What year?", "", "Passages:", "[1] First passage. With a blank line.",
                "[2] [9] Second passage.");
        assertThat(GroundedPrompt.messages(List.of("q"), List.of()).get(1).content()).contains("none were found");
    }

    @Test
    void collectionTagsAreSplitTrimmedAndDeduplicated() {
        assertThat(KnowledgeCollection.Details.of("n", Optional.of(" "), Optional.of(" a, b,,a ,c")).tags())
                .containsExactly("a", "b", "c");
        assertThat(KnowledgeCollection.Details.of("n", Optional.of(" "), Optional.empty()).context()).isEmpty();
    }
}
