package io.olyx.adapter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.adapter.providers.AgainstFakeProvider;
import io.olyx.adapter.providers.TestProviders;
import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.AwsCredentials;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.fixtures.provider.CapturedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bedrock runtime: signed Converse / ConverseStream / InvokeModel requests and the per-family invoke bodies. */
class BedrockWireTest extends AgainstFakeProvider {
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Weather for a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"))));

    private static ModelEndpoint bedrock(String model) {
        return ModelEndpoint.of(ProviderKind.BEDROCK, model, Optional.of(fake.baseUrl()),
                Optional.of(TestProviders.AWS_KEY + ":" + TestProviders.AWS_SECRET), Map.of("region", "eu-west-1"));
    }

    @Test
    void signsConverseWithSigV4ThatMatchesWhatTheServerReceived() {
        gateway.chat(bedrock("anthropic.claude-3-haiku-20240307-v1:0"), ChatRequest.ofUser("Hi"));

        CapturedRequest captured = fake.lastRequest();
        assertThat(captured.path()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(captured.header("x-amz-date")).contains("20150830T123600Z");
        String authorization = captured.header("authorization").orElseThrow();
        assertThat(authorization).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/bedrock/"
                + "aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=");
        assertThat(authorization).isEqualTo(recomputed(captured, Optional.empty()));
    }

    @Test
    void signsTheSessionTokenOfTemporaryCredentials() {
        ModelEndpoint temporary = bedrock("amazon.nova-lite-v1:0")
                .withApiKey(TestProviders.AWS_KEY + ":" + TestProviders.AWS_SECRET + ":SESSION/TOKEN==");

        gateway.chat(temporary, ChatRequest.ofUser("Hi"));

        CapturedRequest captured = fake.lastRequest();
        assertThat(captured.header("x-amz-security-token")).contains("SESSION/TOKEN==");
        assertThat(captured.header("authorization").orElseThrow())
                .contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token")
                .isEqualTo(recomputed(captured, Optional.of("SESSION/TOKEN==")));
    }

    /** Signs the request again from what the server saw, so Host, path encoding and body must all agree. */
    private static String recomputed(CapturedRequest captured, Optional<String> token) {
        List<SigV4Signer.Header> headers = new ArrayList<>();
        headers.add(new SigV4Signer.Header("host", captured.header("host").orElseThrow()));
        headers.add(new SigV4Signer.Header("content-type", captured.header("content-type").orElseThrow()));
        headers.add(new SigV4Signer.Header("x-amz-date", captured.header("x-amz-date").orElseThrow()));
        token.ifPresent(t -> headers.add(new SigV4Signer.Header("x-amz-security-token", t)));
        return SigV4Signer.sign("POST", captured.path(), captured.query(), headers,
                SigV4Signer.sha256Hex(captured.body()),
                new AwsCredentials(TestProviders.AWS_KEY, TestProviders.AWS_SECRET, token), "eu-west-1", "bedrock",
                captured.header("x-amz-date").orElseThrow()).authorization();
    }

    @Test
    void usesABedrockApiKeyAsBearerTokenWhenNoAwsCredentialsAreGiven() {
        gateway.chat(bedrock("amazon.nova-lite-v1:0").withApiKey("bedrock-api-key-123"), ChatRequest.ofUser("Hi"));

        assertThat(fake.lastRequest().header("authorization")).contains("Bearer bedrock-api-key-123");
    }

    @Test
    void refusesToCallWithoutAnyCredentials() {
        ModelEndpoint anonymous = ModelEndpoint.of(ProviderKind.BEDROCK, "amazon.nova-lite-v1:0",
                Optional.of(fake.baseUrl()), Optional.empty(), Map.of());

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.chat(anonymous, ChatRequest.ofUser("Hi")));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CLIENT_ERROR);
        assertThat(fake.requestCount()).isZero();
    }

    @Test
    void sendsTheConverseShapeWithToolsAndToolResults() {
        ToolCall call = ToolCall.fromJson("tooluse_1", "get_weather", "{\"city\":\"Cairo\"}");
        gateway.chat(bedrock("anthropic.claude-3-haiku-20240307-v1:0"), ChatRequest.of(List.of(
                        ChatMessage.system("Be brief."), ChatMessage.user("Weather in Cairo?"),
                        ChatMessage.assistant("", List.of(call)), ChatMessage.toolResult("tooluse_1", "{\"temp\":31}"),
                        ChatMessage.toolResult("tooluse_1", "plain text too")))
                .withTools(List.of(WEATHER), ToolChoice.REQUIRED)
                .withOptions(ChatOptions.DEFAULTS.withMaxTokens(200).withStop(List.of("STOP"))));

        JsonNode body = fake.lastRequest().json();
        assertThat(body.path("system").get(0).path("text").asText()).isEqualTo("Be brief.");
        assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(200);
        assertThat(body.path("inferenceConfig").path("stopSequences").get(0).asText()).isEqualTo("STOP");
        JsonNode spec = body.path("toolConfig").path("tools").get(0).path("toolSpec");
        assertThat(spec.path("name").asText()).isEqualTo("get_weather");
        assertThat(spec.path("inputSchema").path("json").path("type").asText()).isEqualTo("object");
        assertThat(body.path("toolConfig").path("toolChoice").has("any")).isTrue();
        JsonNode messages = body.path("messages");
        assertThat(messages.get(1).path("content").get(0).path("toolUse").path("input").path("city").asText())
                .isEqualTo("Cairo");
        JsonNode results = messages.get(2).path("content");
        assertThat(results.get(0).path("toolResult").path("content").get(0).path("json").path("temp").asInt())
                .isEqualTo(31);
        assertThat(results.get(1).path("toolResult").path("content").get(0).path("text").asText())
                .isEqualTo("plain text too");
    }

    @Test
    void streamsFromConverseStreamAskingForTheEventStream() {
        gateway.stream(bedrock("anthropic.claude-3-haiku-20240307-v1:0"), ChatRequest.ofUser("Hi"), e -> { });

        assertThat(fake.lastRequest().path()).endsWith("/converse-stream");
        assertThat(fake.lastRequest().header("accept")).contains("application/vnd.amazon.eventstream");
    }

    @Test
    void embedsWithTitanOneInputPerInvocation() {
        ModelEndpoint titan = bedrock("amazon.titan-embed-text-v2:0").withConfig(Map.of("dimensions", 256));

        EmbeddingResult result = gateway.embed(titan, List.of("alpha beta", "gamma"));

        assertThat(result.embeddings()).hasSize(2).allSatisfy(e -> assertThat(e.dimensions()).isEqualTo(256));
        assertThat(result.usage().promptTokens()).isEqualTo(3);
        assertThat(result.usage().estimated()).isFalse();
        assertThat(fake.requestCount()).isEqualTo(2);
        assertThat(fake.lastRequest().path()).isEqualTo("/model/amazon.titan-embed-text-v2%3A0/invoke");
        assertThat(fake.lastRequest().json().path("inputText").asText()).isEqualTo("gamma");
        assertThat(fake.lastRequest().json().path("normalize").asBoolean()).isTrue();
    }

    @Test
    void embedsWithCohereInBatchesAndReadsTheTokenCountHeader() {
        EmbeddingResult result = gateway.embed(bedrock("cohere.embed-english-v3"), List.of("one", "two words"));

        assertThat(result.embeddings()).hasSize(2);
        assertThat(result.usage().promptTokens()).isEqualTo(3);
        assertThat(fake.requestCount()).isEqualTo(1);
        assertThat(fake.lastRequest().json().path("input_type").asText()).isEqualTo("search_document");
    }

    @Test
    void drawsWithTitanImageInOneCall() {
        ImageResult result = gateway.generateImage(bedrock("amazon.titan-image-generator-v2:0"),
                new ImageRequest("A red fox", "512x512", 2, Optional.empty(), Optional.empty()));

        assertThat(result.images()).hasSize(2).allSatisfy(i -> assertThat(i).startsWith("data:image/png;base64,"));
        JsonNode body = fake.lastRequest().json();
        assertThat(body.path("taskType").asText()).isEqualTo("TEXT_IMAGE");
        assertThat(body.path("imageGenerationConfig").path("numberOfImages").asInt()).isEqualTo(2);
        assertThat(body.path("imageGenerationConfig").path("width").asInt()).isEqualTo(512);
    }

    @Test
    void drawsWithStabilityModelsOneImagePerCall() {
        ImageResult sdxl = gateway.generateImage(bedrock("stability.stable-diffusion-xl-v1"),
                new ImageRequest("A red fox", "1024x1024", 2, Optional.empty(), Optional.empty()));
        assertThat(fake.lastRequest().json().path("text_prompts").get(0).path("text").asText()).isEqualTo("A red fox");
        ImageResult core = gateway.generateImage(bedrock("stability.stable-image-core-v1:1"),
                new ImageRequest("A red fox", "1344x768", 1, Optional.empty(), Optional.empty()));

        assertThat(sdxl.images()).hasSize(2);
        assertThat(core.images()).hasSize(1);
        assertThat(fake.requestCount()).isEqualTo(3);
        assertThat(fake.lastRequest().json().path("aspect_ratio").asText()).isEqualTo("16:9");
    }

    @Test
    void refusesEmbeddingsAndImagesFromChatModels() {
        ModelEndpoint claude = bedrock("anthropic.claude-3-haiku-20240307-v1:0");

        assertThat(catchThrowableOfType(ProviderFailure.class, () -> gateway.embed(claude, List.of("x"))).kind())
                .isEqualTo(ProviderFailure.Kind.UNSUPPORTED);
        assertThat(catchThrowableOfType(ProviderFailure.class,
                () -> gateway.generateImage(claude, ImageRequest.of("x"))).kind())
                .isEqualTo(ProviderFailure.Kind.UNSUPPORTED);
        assertThat(fake.requestCount()).isZero();
    }
}
