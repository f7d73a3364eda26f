package io.olyx.domain.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IntentClassifierTest {
    @Test
    void theClientsLabelWinsInOrderIntentTaskFeature() {
        assertThat(IntentClassifier.classify(Map.of("task", "Translation", "feature", "x"), "summarize this"))
                .isEqualTo("translation");
        assertThat(IntentClassifier.classify(Map.of("feature", "Support Bot", "intent", " Refund  Policy "), ""))
                .isEqualTo("refund_policy");
        assertThat(IntentClassifier.classify(Map.of("feature", "Support Bot"), "")).isEqualTo("support_bot");
    }

    @Test
    void keywordsClassifyUnlabelledInputs() {
        assertThat(IntentClassifier.classify(Map.of(), "Translate to French: Hello, world.")).isEqualTo("translation");
        assertThat(IntentClassifier.classify(Map.of(), "Please summarise this article")).isEqualTo("summarization");
        assertThat(IntentClassifier.classify(Map.of(), "Classify the sentiment of this review"))
                .isEqualTo("classification");
        assertThat(IntentClassifier.classify(Map.of(), "Extract the invoice number")).isEqualTo("extraction");
        assertThat(IntentClassifier.classify(Map.of(), "Fix the bug in this Python snippet")).isEqualTo("code");
        assertThat(IntentClassifier.classify(Map.of(), "What's the weather in London right now?"))
                .isEqualTo("question_answering");
        assertThat(IntentClassifier.classify(Map.of(), "Write a poem about spring")).isEqualTo("general");
        assertThat(IntentClassifier.classify(Map.of(), "my barcode scanner")).isEqualTo("general");
    }

    @Test
    void readsTheLastUserMessageOfAChatInput() {
        Object chat = List.of(Map.of("role", "system", "content", "You translate."),
                Map.of("role", "user", "content", "tl;dr of the thread please"),
                Map.of("role", "assistant", "content", "Sure"));

        assertThat(IntentClassifier.classify(Map.of(), Map.of("messages", chat))).isEqualTo("summarization");
    }
}
