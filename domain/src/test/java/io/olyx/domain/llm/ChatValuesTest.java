package io.olyx.domain.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChatValuesTest {

    @Test
    void keepsUnparseableToolArgumentsAsTextAndFlagsThem() {
        ToolCall call = ToolCall.fromJson("call_1", "get_weather", "{\"city\": \"Lon");

        assertThat(call.arguments()).isEmpty();
        assertThat(call.argumentsJson()).isEqualTo("{\"city\": \"Lon");
        assertThat(call.argumentsValid()).isFalse();
        assertThat(ToolCall.fromJson("c", "t", "").argumentsValid()).isTrue();
    }

    @Test
    void serialisesStructuredToolArguments() {
        ToolCall call = ToolCall.of("toolu_1", "get_weather", Map.of("city", "London"));

        assertThat(call.argumentsJson()).isEqualTo("{\"city\":\"London\"}");
        assertThat(call.argumentsValid()).isTrue();
    }

    @Test
    void toolMessagesNeedTheCallTheyAnswer() {
        assertThatThrownBy(() -> new ChatMessage(ChatRole.TOOL, "15C", List.of(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChatMessage(ChatRole.USER, "hi",
                List.of(ToolCall.fromJson("c", "t", "{}")), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ChatMessage.toolResult("call_1", "15C").toolCallId()).contains("call_1");
    }

    @Test
    void aNamedToolChoiceMustNameADefinedTool() {
        ChatRequest request = ChatRequest.ofUser("hi");
        ToolDefinition tool = ToolDefinition.withoutParameters("now", "current time");

        assertThat(request.withTools(List.of(tool), new ToolChoice.Named("now")).hasTools()).isTrue();
        assertThatThrownBy(() -> request.withTools(List.of(tool), new ToolChoice.Named("later")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readsToolChoiceInOpenAiAndAnthropicSpelling() {
        assertThat(ToolChoice.parse("required")).contains(ToolChoice.REQUIRED);
        assertThat(ToolChoice.parse(Map.of("type", "any"))).contains(ToolChoice.REQUIRED);
        assertThat(ToolChoice.parse(Map.of("type", "function", "function", Map.of("name", "x"))))
                .contains(new ToolChoice.Named("x"));
        assertThat(ToolChoice.parse(Map.of("type", "tool", "name", "y"))).contains(new ToolChoice.Named("y"));
        assertThat(ToolChoice.parse("sometimes")).isEmpty();
    }

    @Test
    void sumsUsageAndKeepsTheEstimatedFlag() {
        TokenUsage sum = TokenUsage.reported(10, 5).plus(TokenUsage.estimated(3, 2));

        assertThat(sum).isEqualTo(new TokenUsage(13, 7, 0, true));
        assertThat(sum.totalTokens()).isEqualTo(20);
        assertThat(TokenUsage.reported(7, 1).plus(TokenUsage.reported(2, 1))).isEqualTo(new TokenUsage(9, 2, 0, false));
    }

    /** Counts near 2^31 come from providers that report nonsense; a sum of them must not throw or wrap. */
    @Test
    void aSumPast32BitsStopsThereAndIsMarkedEstimated() {
        TokenUsage big = new TokenUsage(2_000_000_000, 5, 2_000_000_000, false);

        TokenUsage sum = big.plus(big);

        assertThat(sum).isEqualTo(new TokenUsage(Integer.MAX_VALUE, 10, Integer.MAX_VALUE, true));
        assertThat(TokenUsage.reported(1, Integer.MAX_VALUE).plus(TokenUsage.reported(0, 1)).estimated()).isTrue();
    }

    @Test
    void totalsUsageBeyond32BitsAndRefusesMoreCachedThanPromptTokens() {
        assertThat(TokenUsage.reported(10, 5).totalTokens()).isEqualTo(15);
        assertThat(TokenUsage.reported(Integer.MAX_VALUE, Integer.MAX_VALUE).totalTokens())
                .isEqualTo(2L * Integer.MAX_VALUE);
        assertThatThrownBy(() -> new TokenUsage(1, 0, 2, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void embeddingsCompareByValueAndCannotBeChangedFromOutside() {
        float[] raw = {0.6f, 0.8f};
        Embedding embedding = new Embedding(raw);
        raw[0] = 9f;
        embedding.vector()[1] = 9f;

        assertThat(embedding).isEqualTo(new Embedding(new float[] {0.6f, 0.8f}));
    }

    @Test
    void validatesImageSizes() {
        assertThat(ImageRequest.of("a cat").width()).isEqualTo(1024);
        assertThatThrownBy(() -> new ImageRequest("a cat", "big", 1, Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void optionsRoundTripThroughTheirWireForm() {
        ChatOptions options = ChatOptions.DEFAULTS.withTemperature(0.3).withMaxTokens(64).withTopP(0.9)
                .withStop(List.of("END")).withResponseFormat(new ResponseFormat.JsonSchema("place",
                        Map.of("type", "object"), true)).withPresencePenalty(0.5).withFrequencyPenalty(-1)
                .withSeed(42).withReasoningEffort("low");

        assertThat(ChatOptions.fromWire(options.toWire())).isEqualTo(options);
        assertThat(ChatOptions.DEFAULTS.toWire()).isEmpty();
        assertThat(ChatOptions.fromWire(Map.of())).isEqualTo(ChatOptions.DEFAULTS);
    }

    @Test
    void reasoningEffortIsOneOfOpenAisLevels() {
        for (String level : List.of("none", "minimal", "low", "medium", "high", "xhigh")) {
            assertThat(ChatOptions.DEFAULTS.withReasoningEffort(level).reasoningEffort()).contains(level);
        }
        for (String unknown : List.of("ultra", "max", "HIGH", "")) {
            assertThatThrownBy(() -> ChatOptions.DEFAULTS.withReasoningEffort(unknown))
                    .hasMessage("reasoning_effort must be one of none, minimal, low, medium, high, xhigh");
        }
        assertThat(ChatOptions.fromWire(Map.of("reasoning_effort", "ultra"))).isEqualTo(ChatOptions.DEFAULTS);
    }

    @Test
    void wireValuesOutOfRangeAreLeftAtTheirDefaults() {
        ChatOptions read = ChatOptions.fromWire(Map.of("temperature", 3.5, "max_tokens", 0, "top_p", "high",
                "stop", List.of(""), "response_format", Map.of("type", "yaml"), "presence_penalty", 2.5,
                "frequency_penalty", -3, "seed", 1.5, "reasoning_effort", "Very High"));

        assertThat(read).isEqualTo(ChatOptions.DEFAULTS);
    }

    @Test
    void setOptionsWinOverDefaultsAndUnsetOnesTakeThem() {
        ChatOptions defaults = ChatOptions.DEFAULTS.withTemperature(0.9).withMaxTokens(100).withStop(List.of("END"))
                .withReasoningEffort("high").withResponseFormat(ResponseFormat.JSON_OBJECT);
        ChatOptions requested = ChatOptions.DEFAULTS.withTemperature(0.1).withSeed(7);

        ChatOptions merged = requested.orElse(defaults);

        assertThat(merged.temperature()).hasValue(0.1);
        assertThat(merged.maxTokens()).hasValue(100);
        assertThat(merged.stop()).containsExactly("END");
        assertThat(merged.reasoningEffort()).contains("high");
        assertThat(merged.responseFormat()).isEqualTo(ResponseFormat.JSON_OBJECT);
        assertThat(merged.seed()).hasValue(7);
    }
}
