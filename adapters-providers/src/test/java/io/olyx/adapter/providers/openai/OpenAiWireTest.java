package io.olyx.adapter.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.providers.AgainstFakeProvider;
import io.olyx.adapter.providers.TestProviders;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.ResponseFormat;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.fixtures.provider.FakeBehavior;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What OpenAI and OpenAI-compatible servers receive, and the parts of their answers only they have. */
class OpenAiWireTest extends AgainstFakeProvider {
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather for a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))));

    private static ModelEndpoint openAi() {
        return TestProviders.endpoint(ProviderKind.OPENAI, fake);
    }

    @Test
    void sendsMaxTokensToOpenAiCompatibleServersRegisteredAsOpenAi() {
        gateway.chat(openAi(), ChatRequest.ofUser("Hi").withOptions(ChatOptions.DEFAULTS.withMaxTokens(7)));

        assertThat(fake.lastRequest().json().path("max_tokens").asInt()).isEqualTo(7);
        assertThat(fake.lastRequest().json().has("max_completion_tokens")).isFalse();
    }

    @Test
    void passesAJsonSchemaResponseFormatOnAndSendsNoneForText() {
        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")));
        gateway.chat(openAi(), ChatRequest.ofUser("Where?").withOptions(ChatOptions.DEFAULTS.withResponseFormat(
                new ResponseFormat.JsonSchema("place", schema, true))));

        JsonNode format = fake.lastRequest().json().path("response_format");
        assertThat(format.path("type").asText()).isEqualTo("json_schema");
        assertThat(format.path("json_schema").path("name").asText()).isEqualTo("place");
        assertThat(format.path("json_schema").path("strict").asBoolean()).isTrue();
        assertThat(format.path("json_schema").path("schema").path("properties").path("city").path("type").asText())
                .isEqualTo("string");

        gateway.chat(openAi(), ChatRequest.ofUser("Where?"));
        assertThat(fake.lastRequest().json().has("response_format")).isFalse();
    }

    @Test
    void passesPenaltiesSeedAndReasoningEffortOn() {
        gateway.chat(openAi(), ChatRequest.ofUser("Hi").withOptions(ChatOptions.DEFAULTS.withPresencePenalty(0.5)
                .withFrequencyPenalty(-0.25).withSeed(42).withReasoningEffort("low")));

        JsonNode body = fake.lastRequest().json();
        assertThat(body.path("presence_penalty").asDouble()).isEqualTo(0.5);
        assertThat(body.path("frequency_penalty").asDouble()).isEqualTo(-0.25);
        assertThat(body.path("seed").asLong()).isEqualTo(42);
        assertThat(body.path("reasoning_effort").asText()).isEqualTo("low");
    }

    @Test
    void sendsMaxCompletionTokensToOpenAiItself() {
        StandardRoutes routes = new StandardRoutes(ProviderKind.OPENAI);

        assertThat(routes.maxTokensField(ModelEndpoint.of(ProviderKind.OPENAI, "o3-mini")))
                .isEqualTo("max_completion_tokens");
        assertThat(routes.maxTokensField(ModelEndpoint.of(ProviderKind.OPENAI, "gpt-4o")
                .withBaseUrl("https://api.openai.com/v1/"))).isEqualTo("max_completion_tokens");
        assertThat(routes.chat(ModelEndpoint.of(ProviderKind.OPENAI, "gpt-4o")).toString())
                .isEqualTo("https://api.openai.com/v1/chat/completions");
    }

    @Test
    void sendsTheChatCompletionsShape() {
        ChatRequest request = ChatRequest.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi")))
                .withTools(List.of(WEATHER), new ToolChoice.Named("get_weather"))
                .withOptions(ChatOptions.DEFAULTS.withTemperature(0.2).withMaxTokens(64).withTopP(0.9)
                        .withStop(List.of("END")));

        gateway.chat(openAi(), request);

        var captured = fake.lastRequest();
        assertThat(captured.path()).isEqualTo("/v1/chat/completions");
        assertThat(captured.header("authorization")).contains("Bearer sk-test");
        JsonNode body = captured.json();
        assertThat(body.path("model").asText()).isEqualTo("gpt-4o");
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("messages").get(1).path("content").asText()).isEqualTo("Hi");
        JsonNode function = body.path("tools").get(0).path("function");
        assertThat(body.path("tools").get(0).path("type").asText()).isEqualTo("function");
        assertThat(function.path("name").asText()).isEqualTo("get_weather");
        assertThat(function.path("parameters").path("properties").path("city").path("type").asText())
                .isEqualTo("string");
        assertThat(body.path("tool_choice").path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.2);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(64);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("END");
        assertThat(body.has("stream")).isFalse();
    }

    @Test
    void sendsAssistantToolCallsAndToolResultsInOpenAiShape() {
        ToolCall call = ToolCall.fromJson("call_9", "get_weather", "{\"city\":\"Oslo\"}");
        gateway.chat(openAi(), ChatRequest.of(List.of(ChatMessage.user("Weather in Oslo?"),
                ChatMessage.assistant("", List.of(call)), ChatMessage.toolResult("call_9", "-3°C"))));

        JsonNode messages = fake.lastRequest().json().path("messages");
        JsonNode assistant = messages.get(1);
        assertThat(assistant.path("content").isNull()).isTrue();
        assertThat(assistant.path("tool_calls").get(0).path("id").asText()).isEqualTo("call_9");
        assertThat(assistant.path("tool_calls").get(0).path("function").path("arguments").asText())
                .isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(messages.get(2).path("role").asText()).isEqualTo("tool");
        assertThat(messages.get(2).path("tool_call_id").asText()).isEqualTo("call_9");
        assertThat(messages.get(2).path("content").asText()).isEqualTo("-3°C");
    }

    @Test
    void asksForUsageInStreams() {
        gateway.stream(openAi(), ChatRequest.ofUser("Hi"), e -> { });

        JsonNode body = fake.lastRequest().json();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        assertThat(fake.lastRequest().header("accept")).contains("text/event-stream");
    }

    @Test
    void readsCachedPromptTokens() {
        fake.enqueue(FakeBehavior.text("ok").withUsage(100, 2).withCachedTokens(64));

        assertThat(gateway.chat(openAi(), ChatRequest.ofUser("Hi")).usage().cachedPromptTokens()).isEqualTo(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/v1", "/v1/", "/v1/chat/completions"})
    void findsTheChatPathOfAnInternalServerWhateverBaseWasRegistered(String suffix) {
        ModelEndpoint internal = TestProviders.endpoint(ProviderKind.INTERNAL, fake)
                .withBaseUrl(fake.baseUrl() + suffix);

        gateway.chat(internal, ChatRequest.ofUser("Hi"));

        assertThat(fake.lastRequest().path()).isEqualTo("/v1/chat/completions");
    }

    @Test
    void keepsACustomBasePathAndSendsNoKeyWhenNoneIsStored() {
        ModelEndpoint groqLike = TestProviders.endpoint(ProviderKind.INTERNAL, fake)
                .withBaseUrl(fake.baseUrl() + "/openai/v1");
        gateway.chat(groqLike, ChatRequest.ofUser("Hi").withOptions(ChatOptions.DEFAULTS.withMaxTokens(10)));

        assertThat(fake.lastRequest().path()).isEqualTo("/openai/v1/chat/completions");
        assertThat(fake.lastRequest().header("authorization")).isEmpty();
        assertThat(fake.lastRequest().json().path("max_tokens").asInt()).isEqualTo(10);
    }

    @Test
    void refusesAnInternalModelWithoutBaseUrl() {
        ModelEndpoint noBase = ModelEndpoint.of(ProviderKind.INTERNAL, "llama3");

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.chat(noBase, ChatRequest.ofUser("Hi")));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CLIENT_ERROR);
        assertThat(failure.providerMessage()).contains("base_url");
    }

    @Test
    void embedsSeveralInputsInOrderWithReportedUsage() {
        fake.enqueue(FakeBehavior.defaultReply().withEmbeddingDimensions(16));
        ModelEndpoint embedding = ModelEndpoint.of(ProviderKind.OPENAI, "text-embedding-3-small",
                Optional.of(fake.baseUrl() + "/v1"), Optional.of("sk-test"), Map.of("dimensions", 16));

        EmbeddingResult result = gateway.embed(embedding, List.of("first text", "second text here"));

        assertThat(result.embeddings()).hasSize(2).allSatisfy(e -> assertThat(e.dimensions()).isEqualTo(16));
        assertThat(result.embeddings().get(0)).isNotEqualTo(result.embeddings().get(1));
        assertThat(result.usage()).satisfies(u -> {
            assertThat(u.promptTokens()).isEqualTo(5);
            assertThat(u.estimated()).isFalse();
        });
        JsonNode body = fake.lastRequest().json();
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/embeddings");
        assertThat(body.path("input").get(1).asText()).isEqualTo("second text here");
        assertThat(body.path("dimensions").asInt()).isEqualTo(16);
    }

    @Test
    void generatesImagesOneRequestPerImageForDallE3() {
        ModelEndpoint dalle = ModelEndpoint.of(ProviderKind.OPENAI, "dall-e-3", Optional.of(fake.baseUrl() + "/v1"),
                Optional.of("sk-test"), Map.of());

        ImageResult result = gateway.generateImage(dalle, new ImageRequest("A futuristic cityscape at dusk",
                "1792x1024", 2, Optional.of("hd"), Optional.empty()));

        assertThat(result.images()).hasSize(2).allSatisfy(url -> assertThat(url).startsWith("https://"));
        assertThat(fake.requestCount()).isEqualTo(2);
        JsonNode body = fake.lastRequest().json();
        assertThat(fake.lastRequest().path()).isEqualTo("/v1/images/generations");
        assertThat(body.path("n").asInt()).isEqualTo(1);
        assertThat(body.path("size").asText()).isEqualTo("1792x1024");
        assertThat(body.path("quality").asText()).isEqualTo("hd");
    }

    @Test
    void turnsBase64ImagesIntoDataUrls() {
        ModelEndpoint gptImage = ModelEndpoint.of(ProviderKind.OPENAI, "gpt-image-1",
                Optional.of(fake.baseUrl() + "/v1"), Optional.of("sk-test"), Map.of());

        ImageResult result = gateway.generateImage(gptImage, new ImageRequest("A cat", "1024x1024", 3,
                Optional.empty(), Optional.empty()));

        assertThat(result.images()).hasSize(3).allSatisfy(url -> assertThat(url).startsWith("data:image/png;base64,"));
        assertThat(fake.requestCount()).isEqualTo(1);
    }
}
