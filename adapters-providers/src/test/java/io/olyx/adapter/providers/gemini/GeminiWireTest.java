package io.olyx.adapter.providers.gemini;

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

/** What generateContent and the embedding methods receive, and Gemini's schema subset. */
class GeminiWireTest extends AgainstFakeProvider {

    private static ModelEndpoint gemini() {
        return TestProviders.endpoint(ProviderKind.GEMINI, fake);
    }

    @Test
    void sendsContentsSystemInstructionAndTheKeyAsAHeader() {
        gateway.chat(gemini(), ChatRequest.of(List.of(ChatMessage.system("Be brief."), ChatMessage.user("Hi"),
                        ChatMessage.assistant("Hello!"), ChatMessage.user("Again")))
                .withOptions(ChatOptions.DEFAULTS.withMaxTokens(50).withTemperature(0.5).withPresencePenalty(0.5)
                        .withFrequencyPenalty(-0.25).withSeed(42)));

        var captured = fake.lastRequest();
        assertThat(captured.path()).isEqualTo("/v1beta/models/gemini-2.0-flash:generateContent");
        assertThat(captured.query()).isEmpty();
        assertThat(captured.header("x-goog-api-key")).contains("goog-key");
        JsonNode body = captured.json();
        assertThat(body.path("systemInstruction").path("parts").get(0).path("text").asText()).isEqualTo("Be brief.");
        assertThat(body.path("contents")).extracting(c -> c.path("role").asText())
                .containsExactly("user", "model", "user");
        assertThat(body.path("generationConfig").path("maxOutputTokens").asInt()).isEqualTo(50);
        assertThat(body.path("generationConfig").path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.path("generationConfig").path("presencePenalty").asDouble()).isEqualTo(0.5);
        assertThat(body.path("generationConfig").path("frequencyPenalty").asDouble()).isEqualTo(-0.25);
        assertThat(body.path("generationConfig").path("seed").asLong()).isEqualTo(42);
    }

    @Test
    void foldsASeedBeyondInt32IntoGeminisRangeTheSameWayEveryTime() {
        long large = 9_007_199_254_740_993L;
        gateway.chat(gemini(), ChatRequest.ofUser("Hi").withOptions(ChatOptions.DEFAULTS.withSeed(large)));
        JsonNode first = fake.lastRequest().json().path("generationConfig").path("seed");
        gateway.chat(gemini(), ChatRequest.ofUser("Hi").withOptions(ChatOptions.DEFAULTS.withSeed(large)));
        JsonNode second = fake.lastRequest().json().path("generationConfig").path("seed");

        assertThat(first.isInt()).as("an int32 on the wire: %s", first).isTrue();
        assertThat(first.asInt()).isEqualTo(second.asInt()).isEqualTo(Long.hashCode(large));
        assertThat(GeminiMapper.int32Seed(-7)).as("seeds in range pass unchanged").isEqualTo(-7);
        assertThat(GeminiMapper.int32Seed(Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
    }

    @Test
    void asksForJsonWithTheSchemaCutToGeminisSubset() {
        Map<String, Object> schema = Map.of("type", "object", "additionalProperties", false,
                "properties", Map.of("city", Map.of("type", "string")));
        gateway.chat(gemini(), ChatRequest.ofUser("Where?").withOptions(ChatOptions.DEFAULTS.withResponseFormat(
                new ResponseFormat.JsonSchema("place", schema, true))));

        JsonNode generation = fake.lastRequest().json().path("generationConfig");
        assertThat(generation.path("responseMimeType").asText()).isEqualTo("application/json");
        assertThat(generation.path("responseSchema").path("properties").path("city").path("type").asText())
                .isEqualTo("string");
        assertThat(generation.path("responseSchema").has("additionalProperties")).isFalse();
    }

    @Test
    void declaresFunctionsWithinGeminisSchemaSubset() {
        ToolDefinition search = new ToolDefinition("search_docs", "Search the docs", Map.of(
                "$schema", "http://json-schema.org/draft-07/schema#", "type", "object",
                "additionalProperties", false,
                "properties", Map.of("query", Map.of("type", "string", "additionalProperties", false),
                        "limit", Map.of("type", List.of("integer", "null"))),
                "required", List.of("query")));

        gateway.chat(gemini(), ChatRequest.ofUser("Find setup docs")
                .withTools(List.of(search), new ToolChoice.Named("search_docs")));

        JsonNode body = fake.lastRequest().json();
        JsonNode declaration = body.path("tools").get(0).path("functionDeclarations").get(0);
        assertThat(declaration.path("name").asText()).isEqualTo("search_docs");
        JsonNode parameters = declaration.path("parameters");
        assertThat(parameters.has("$schema")).isFalse();
        assertThat(parameters.has("additionalProperties")).isFalse();
        assertThat(parameters.path("properties").path("query").has("additionalProperties")).isFalse();
        assertThat(parameters.path("properties").path("limit").path("type").asText()).isEqualTo("integer");
        assertThat(parameters.path("properties").path("limit").path("nullable").asBoolean()).isTrue();
        JsonNode calling = body.path("toolConfig").path("functionCallingConfig");
        assertThat(calling.path("mode").asText()).isEqualTo("ANY");
        assertThat(calling.path("allowedFunctionNames").get(0).asText()).isEqualTo("search_docs");
    }

    @Test
    void answersFunctionCallsWithFunctionResponsesNamedAfterTheCall() {
        ToolCall call = ToolCall.fromJson("call_0_get_weather", "get_weather", "{\"city\":\"Lima\"}");

        gateway.chat(gemini(), ChatRequest.of(List.of(ChatMessage.user("Weather in Lima?"),
                ChatMessage.assistant("", List.of(call)),
                ChatMessage.toolResult("call_0_get_weather", "{\"temp_c\": 18}"))));

        JsonNode contents = fake.lastRequest().json().path("contents");
        assertThat(contents.get(1).path("parts").get(0).path("functionCall").path("args").path("city").asText())
                .isEqualTo("Lima");
        JsonNode response = contents.get(2).path("parts").get(0).path("functionResponse");
        assertThat(contents.get(2).path("role").asText()).isEqualTo("user");
        assertThat(response.path("name").asText()).isEqualTo("get_weather");
        assertThat(response.path("response").path("temp_c").asInt()).isEqualTo(18);
    }

    @Test
    void streamsFromStreamGenerateContentWithSse() {
        gateway.stream(gemini(), ChatRequest.ofUser("Hi"), e -> { });

        assertThat(fake.lastRequest().path()).isEqualTo("/v1beta/models/gemini-2.0-flash:streamGenerateContent");
        assertThat(fake.lastRequest().query()).isEqualTo("alt=sse");
    }

    @Test
    void embedsOneTextWithEmbedContentAndSeveralWithBatchEmbedContents() {
        fake.setDefault(FakeBehavior.defaultReply().withEmbeddingDimensions(12));
        ModelEndpoint textEmbedding = ModelEndpoint.of(ProviderKind.GEMINI, "text-embedding-004",
                Optional.of(fake.baseUrl()), Optional.of("goog-key"), Map.of());

        EmbeddingResult one = gateway.embed(textEmbedding, List.of("solo"));
        assertThat(fake.lastRequest().path()).isEqualTo("/v1beta/models/text-embedding-004:embedContent");
        EmbeddingResult many = gateway.embed(textEmbedding, List.of("first", "second", "third"));
        JsonNode batch = fake.lastRequest().json();

        assertThat(one.embeddings()).singleElement().satisfies(e -> assertThat(e.dimensions()).isEqualTo(12));
        assertThat(many.embeddings()).hasSize(3);
        assertThat(many.usage().estimated()).isTrue();
        assertThat(fake.lastRequest().path()).isEqualTo("/v1beta/models/text-embedding-004:batchEmbedContents");
        assertThat(batch.path("requests").get(2).path("model").asText()).isEqualTo("models/text-embedding-004");
        assertThat(batch.path("requests").get(2).path("content").path("parts").get(0).path("text").asText())
                .isEqualTo("third");
    }

    @Test
    void offersNoImages() {
        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.generateImage(gemini(), ImageRequest.of("a cat")));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.UNSUPPORTED);
    }
}
