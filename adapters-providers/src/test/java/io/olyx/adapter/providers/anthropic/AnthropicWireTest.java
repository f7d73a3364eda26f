package io.olyx.adapter.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.adapter.providers.AgainstFakeProvider;
import io.olyx.adapter.providers.TestProviders;
import io.olyx.adapter.providers.support.Jsons;
import io.olyx.adapter.providers.support.StreamAssembler;
import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.ResponseFormat;
import io.olyx.domain.llm.StreamEvent;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.fixtures.provider.FakeBehavior;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the Messages API receives, its usage accounting, its stream events and what it does not offer. */
class AnthropicWireTest extends AgainstFakeProvider {
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather for a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))));

    private static ModelEndpoint anthropic() {
        return TestProviders.endpoint(ProviderKind.ANTHROPIC, fake);
    }

    @Test
    void sendsSystemApartToolsWithInputSchemaAndRequiredHeaders() {
        gateway.chat(anthropic(), ChatRequest.of(List.of(ChatMessage.system("Be brief."),
                        ChatMessage.system("Answer in English."), ChatMessage.user("Hi")))
                .withTools(List.of(WEATHER), ToolChoice.REQUIRED)
                .withOptions(ChatOptions.DEFAULTS.withTemperature(1.7).withStop(List.of("###"))
                        .withPresencePenalty(0.5).withSeed(42)));

        var captured = fake.lastRequest();
        assertThat(captured.path()).isEqualTo("/v1/messages");
        assertThat(captured.header("x-api-key")).contains("sk-ant-test");
        assertThat(captured.header("anthropic-version")).contains("2023-06-01");
        JsonNode body = captured.json();
        assertThat(body.path("system").asText()).isEqualTo("Be brief.\n\nAnswer in English.");
        assertThat(body.has("presence_penalty") || body.has("seed")).as("the Messages API has neither").isFalse();
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicMapper.DEFAULT_MAX_TOKENS);
        assertThat(body.path("tools").get(0).path("input_schema").path("type").asText()).isEqualTo("object");
        assertThat(body.path("tool_choice").path("type").asText()).isEqualTo("any");
        assertThat(body.path("temperature").asDouble()).isEqualTo(1.0);
        assertThat(body.path("stop_sequences").get(0).asText()).isEqualTo("###");
    }

    @Test
    void asksForAJsonAnswerInTheSystemPromptHavingNoJsonMode() {
        gateway.chat(anthropic(), ChatRequest.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")))
                .withOptions(ChatOptions.DEFAULTS.withResponseFormat(ResponseFormat.JSON_OBJECT)));

        assertThat(fake.lastRequest().json().path("system").asText())
                .isEqualTo("Be brief.\n\n" + ResponseFormat.JSON_OBJECT.instruction().orElseThrow());
    }

    @Test
    void sendsToolUseAndMergesToolResultsIntoOneUserTurn() {
        ToolCall paris = ToolCall.fromJson("toolu_1", "get_weather", "{\"city\":\"Paris\"}");
        ToolCall rome = ToolCall.fromJson("toolu_2", "get_weather", "{\"city\":\"Rome\"}");
        gateway.chat(anthropic(), ChatRequest.of(List.of(ChatMessage.user("Paris and Rome?"),
                ChatMessage.assistant("Checking both.", List.of(paris, rome)),
                ChatMessage.toolResult("toolu_1", "20°C"), ChatMessage.toolResult("toolu_2", "25°C")))
                .withTools(List.of(WEATHER), ToolChoice.AUTO));

        JsonNode messages = fake.lastRequest().json().path("messages");
        assertThat(messages).hasSize(3);
        JsonNode assistant = messages.get(1).path("content");
        assertThat(assistant.get(0).path("text").asText()).isEqualTo("Checking both.");
        assertThat(assistant.get(1).path("type").asText()).isEqualTo("tool_use");
        assertThat(assistant.get(1).path("input").path("city").asText()).isEqualTo("Paris");
        JsonNode results = messages.get(2);
        assertThat(results.path("role").asText()).isEqualTo("user");
        assertThat(results.path("content")).hasSize(2);
        assertThat(results.path("content").get(1).path("type").asText()).isEqualTo("tool_result");
        assertThat(results.path("content").get(1).path("tool_use_id").asText()).isEqualTo("toolu_2");
        assertThat(results.path("content").get(1).path("content").asText()).isEqualTo("25°C");
    }

    @Test
    void countsCacheReadsAsPromptTokens() {
        fake.enqueue(FakeBehavior.text("ok").withUsage(100, 3).withCachedTokens(80));

        ChatResult result = gateway.chat(anthropic(), ChatRequest.ofUser("Hi"));

        assertThat(result.usage().promptTokens()).isEqualTo(100);
        assertThat(result.usage().cachedPromptTokens()).isEqualTo(80);
    }

    @Test
    void offersNoEmbeddingsOrImages() {
        ProviderFailure embed = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.embed(anthropic(), List.of("text")));
        ProviderFailure image = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.generateImage(anthropic(), ImageRequest.of("a cat")));

        assertThat(embed.kind()).isEqualTo(ProviderFailure.Kind.UNSUPPORTED);
        assertThat(embed.retryable()).isFalse();
        assertThat(image.kind()).isEqualTo(ProviderFailure.Kind.UNSUPPORTED);
        assertThat(fake.requestCount()).isZero();
    }

    private static final String TRANSCRIPT = """
            event: message_start
            data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],\
            "model":"claude-sonnet-4-5","stop_reason":null,"usage":{"input_tokens":472,"output_tokens":2}}}

            event: content_block_start
            data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

            event: ping
            data: {"type": "ping"}

            event: content_block_delta
            data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Okay, let's check"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":0}

            event: content_block_start
            data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01T1x",\
            "name":"get_weather","input":{}}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":""}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": \\"San"}}

            event: content_block_delta
            data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":" Francisco\\"}"}}

            event: content_block_stop
            data: {"type":"content_block_stop","index":1}

            event: message_delta
            data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":89}}

            event: message_stop
            data: {"type":"message_stop"}

            """;

    @Test
    void readsAStreamWithTextPingAndAToolCallInOrder() throws Exception {
        List<StreamEvent> events = new ArrayList<>();
        StreamAssembler out = new StreamAssembler(events::add, new TokenCounter(), ChatRequest.ofUser("weather?"),
                "claude");

        boolean ended = new AnthropicStreamReader(new Jsons(new ObjectMapper()))
                .read(new ByteArrayInputStream(TRANSCRIPT.getBytes(StandardCharsets.UTF_8)), out);
        ChatResult result = out.finish();

        assertThat(ended).isTrue();
        assertThat(events.get(0)).isEqualTo(new StreamEvent.TextDelta("Okay, let's check"));
        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.id()).isEqualTo("toolu_01T1x");
            assertThat(call.arguments()).isEqualTo(Map.of("city", "San Francisco"));
        });
        assertThat(result.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(result.usage().promptTokens()).isEqualTo(472);
        assertThat(result.usage().completionTokens()).isEqualTo(89);
        assertThat(result.model()).isEqualTo("claude-sonnet-4-5");
    }

    @Test
    void turnsAnOverloadedErrorEventIntoARetryableFailure() {
        String stream = """
                event: message_start
                data: {"type":"message_start","message":{"model":"claude","usage":{"input_tokens":5}}}

                event: error
                data: {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}

                """;
        StreamAssembler out = new StreamAssembler(e -> { }, new TokenCounter(), ChatRequest.ofUser("hi"), "claude");

        assertThatThrownBy(() -> new AnthropicStreamReader(new Jsons(new ObjectMapper()))
                .read(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)), out))
                .isInstanceOfSatisfying(ProviderFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
                    assertThat(f.providerMessage()).contains("Overloaded");
                });
    }
}
