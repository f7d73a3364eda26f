package io.olyx.adapter.providers.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.adapter.providers.support.TokenCounter;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatOptions;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.Embedding;
import io.olyx.domain.llm.EmbeddingResult;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ImageRequest;
import io.olyx.domain.llm.ImageResult;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.JsonText;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.ResponseFormat;
import io.olyx.domain.llm.StreamEvent;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.domain.llm.ToolDefinition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SandboxProviderTest {
    private static final SandboxProvider SANDBOX = new SandboxProvider(new TokenCounter());
    private static final ModelEndpoint ENDPOINT = ModelEndpoint.of(ProviderKind.SANDBOX, "sandbox");
    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Get current weather for a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string"),
                    "unit", Map.of("type", "string", "enum", List.of("celsius", "fahrenheit"))),
                    "required", List.of("city", "unit")));
    private static final ToolDefinition SEND_EMAIL = new ToolDefinition("send_email", "Send an email message",
            Map.of("type", "object", "properties", Map.of("to", Map.of("type", "string"),
                    "subject", Map.of("type", "string"), "urgent", Map.of("type", "boolean")),
                    "required", List.of("to", "subject")));

    @Test
    void echoesASummaryOfTheRequestLabelledAsSandbox() {
        ChatResult result = SANDBOX.chat(ENDPOINT, ChatRequest.ofUser("Translate to French: Hello, world."));

        assertThat(result.text()).startsWith("[sandbox]").contains("Translate to French: Hello, world.");
        assertThat(result.model()).isEqualTo("sandbox");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage().estimated()).isTrue();
        assertThat(result.usage().promptTokens()).isPositive();
        assertThat(result.usage().completionTokens()).isPositive();
    }

    @Test
    void answersInJsonWhenJsonIsAskedFor() {
        ChatRequest question = ChatRequest.ofUser("Where is the office?");
        ChatResult object = SANDBOX.chat(ENDPOINT, question.withOptions(
                ChatOptions.DEFAULTS.withResponseFormat(ResponseFormat.JSON_OBJECT)));
        assertThat(JsonText.parseObject(object.text())).hasValueSatisfying(o -> assertThat(o.get("answer"))
                .isEqualTo(SANDBOX.chat(ENDPOINT, question).text()));

        Map<String, Object> schema = Map.of("type", "object", "properties", Map.of(
                "city", Map.of("type", "string"),
                "floor", Map.of("type", "integer", "minimum", 2),
                "open", Map.of("type", List.of("boolean", "null")),
                "unit", Map.of("type", "string", "enum", List.of("metric", "imperial")),
                "rooms", Map.of("type", "array", "items", Map.of("type", "object",
                        "properties", Map.of("name", Map.of("type", "string"))))));
        ChatResult shaped = SANDBOX.chat(ENDPOINT, question.withOptions(
                ChatOptions.DEFAULTS.withResponseFormat(new ResponseFormat.JsonSchema("office", schema, true))));
        Map<String, Object> answer = JsonText.parseObject(shaped.text()).orElseThrow();
        assertThat(answer.get("city")).isInstanceOf(String.class);
        assertThat(answer.get("floor")).isEqualTo(2L);
        assertThat(answer.get("open")).isEqualTo(false);
        assertThat(answer.get("unit")).isEqualTo("metric");
        assertThat((List<?>) answer.get("rooms")).singleElement()
                .satisfies(room -> assertThat(((Map<?, ?>) room).containsKey("name")).isTrue());
    }

    @Test
    void answersTheSameRequestTheSameWay() {
        ChatRequest request = ChatRequest.ofUser("What's the weather in London right now?")
                .withTools(List.of(WEATHER, SEND_EMAIL), ToolChoice.AUTO);

        assertThat(SANDBOX.chat(ENDPOINT, request)).isEqualTo(SANDBOX.chat(ENDPOINT, request));
        assertThat(SANDBOX.embed(ENDPOINT, List.of("same text"))).isEqualTo(SANDBOX.embed(ENDPOINT,
                List.of("same text")));
        assertThat(SANDBOX.generateImage(ENDPOINT, ImageRequest.of("a fox")))
                .isEqualTo(SANDBOX.generateImage(ENDPOINT, ImageRequest.of("a fox")));
    }

    @Test
    void callsTheToolTheQuestionIsAboutWithArgumentsFromThePrompt() {
        ChatResult result = SANDBOX.chat(ENDPOINT, ChatRequest.ofUser("What's the weather in New York in fahrenheit?")
                .withTools(List.of(SEND_EMAIL, WEATHER), ToolChoice.AUTO));

        assertThat(result.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).isEqualTo(Map.of("city", "New York", "unit", "fahrenheit"));
            assertThat(call.argumentsValid()).isTrue();
        });
    }

    @Test
    void fillsArgumentsFromQuotesAndAddresses() {
        ChatResult result = SANDBOX.chat(ENDPOINT, ChatRequest.ofUser(
                        "Please send an email to ana@example.com with subject \"Quarterly numbers\"")
                .withTools(List.of(WEATHER, SEND_EMAIL), ToolChoice.AUTO));

        ToolCall call = result.toolCalls().get(0);
        assertThat(call.name()).isEqualTo("send_email");
        assertThat(call.arguments()).containsEntry("to", "ana@example.com")
                .containsEntry("subject", "Quarterly numbers").doesNotContainKey("urgent");
    }

    @Test
    void answersInTextWhenNoToolFitsUnlessOneIsRequired() {
        ChatRequest unrelated = ChatRequest.ofUser("Translate to French: good morning")
                .withTools(List.of(WEATHER), ToolChoice.AUTO);

        assertThat(SANDBOX.chat(ENDPOINT, unrelated).toolCalls()).isEmpty();
        assertThat(SANDBOX.chat(ENDPOINT, unrelated.withTools(List.of(WEATHER), ToolChoice.REQUIRED)).toolCalls())
                .extracting(ToolCall::name).containsExactly("get_weather");
        assertThat(SANDBOX.chat(ENDPOINT, ChatRequest.ofUser("Weather in Rome?")
                .withTools(List.of(WEATHER), ToolChoice.NONE)).toolCalls()).isEmpty();
    }

    @Test
    void summarisesToolResultsInsteadOfCallingAgain() {
        ChatRequest ask = ChatRequest.ofUser("What's the weather in London?").withTools(List.of(WEATHER),
                ToolChoice.AUTO);
        ToolCall call = SANDBOX.chat(ENDPOINT, ask).toolCalls().get(0);

        ChatResult answer = SANDBOX.chat(ENDPOINT, ask.withMessages(List.of(ask.messages().get(0),
                ChatMessage.assistant("", List.of(call)), ChatMessage.toolResult(call.id(), "15°C, partly cloudy"))));

        assertThat(answer.toolCalls()).isEmpty();
        assertThat(answer.text()).startsWith("[sandbox]").contains("get_weather", "15°C, partly cloudy");
    }

    @Test
    void answersFromRetrievedPassagesWithCitations() {
        String prompt = """
                Answer the question using only the numbered passages. Cite passages like [1].

                [1] The Eiffel Tower is in Paris. It was completed in 1889 for the World's Fair.
                [2] The Colosseum is an amphitheatre in Rome. Construction began under Vespasian in 72 AD.
                [3] Paris has many museums, including the Louvre.

                Question: When was the Eiffel Tower completed?""";

        ChatResult result = SANDBOX.chat(ENDPOINT, ChatRequest.ofUser(prompt));

        assertThat(result.text()).startsWith("[sandbox]").contains("completed in 1889").contains("[1]")
                .doesNotContain("Colosseum");
    }

    @Test
    void findsPassagesInTheSystemPromptAndSaysSoWhenNoneAnswer() {
        ChatRequest request = ChatRequest.of(List.of(
                ChatMessage.system("Context:\n[1] Olyx stores traces in H2 by default.\n[2] Keys are hashed."),
                ChatMessage.user("Which database does Olyx use by default?")));
        ChatRequest unanswerable = request.withMessages(List.of(request.messages().get(0),
                ChatMessage.user("Who painted the Mona Lisa?")));

        assertThat(SANDBOX.chat(ENDPOINT, request).text()).contains("H2").contains("[1]");
        assertThat(SANDBOX.chat(ENDPOINT, unanswerable).text()).contains("do not answer");
    }

    @Test
    void honoursMaxTokensAndStopSequences() {
        ChatRequest request = ChatRequest.ofUser("Tell me a long story about dragons and castles please");

        ChatResult limited = SANDBOX.chat(ENDPOINT, request.withOptions(ChatOptions.DEFAULTS.withMaxTokens(5)));
        ChatResult stopped = SANDBOX.chat(ENDPOINT, request.withOptions(ChatOptions.DEFAULTS.withStop(List.of("("))));

        assertThat(limited.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(limited.usage().completionTokens()).isLessThanOrEqualTo(5);
        assertThat(stopped.text()).doesNotContain("(").startsWith("[sandbox] You asked");
    }

    @Test
    void streamsTheSameAnswerInSeveralDeltas() {
        ChatRequest request = ChatRequest.ofUser("Explain what an AI gateway does in one paragraph.");
        List<StreamEvent> events = new ArrayList<>();

        ChatResult streamed = SANDBOX.stream(ENDPOINT, request, events::add);

        assertThat(streamed).isEqualTo(SANDBOX.chat(ENDPOINT, request));
        assertThat(events.stream().filter(StreamEvent.TextDelta.class::isInstance).count()).isGreaterThan(3);
        assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Completed.class);
    }

    @Test
    void streamsToolCallsInFragments() {
        ChatRequest request = ChatRequest.ofUser("Weather in Berlin in celsius?").withTools(List.of(WEATHER),
                ToolChoice.AUTO);
        List<StreamEvent> events = new ArrayList<>();

        ChatResult streamed = SANDBOX.stream(ENDPOINT, request, events::add);

        assertThat(streamed.toolCalls()).isEqualTo(SANDBOX.chat(ENDPOINT, request).toolCalls());
        assertThat(events).filteredOn(StreamEvent.ToolCallDelta.class::isInstance).hasSize(2);
        assertThat(events).filteredOn(StreamEvent.ToolCallCompleted.class::isInstance).hasSize(1);
    }

    @Test
    void embedsAsUnitVectorsWhereSharedWordsMeanCloserVectors() {
        EmbeddingResult result = SANDBOX.embed(ENDPOINT.withConfig(Map.of("dimensions", 64)),
                List.of("the cat sat on the mat", "a cat sat on a mat", "quarterly revenue exceeded expectations", ""));

        List<Embedding> vectors = result.embeddings();
        assertThat(vectors).allSatisfy(v -> {
            assertThat(v.dimensions()).isEqualTo(64);
            assertThat(dot(v, v)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        });
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)));
        assertThat(result.usage().estimated()).isTrue();
    }

    @Test
    void drawsADeterministicSvgPerImage() {
        ImageResult result = SANDBOX.generateImage(ENDPOINT, new ImageRequest("A <bold> lighthouse", "512x256", 2,
                Optional.empty(), Optional.empty()));

        assertThat(result.images()).hasSize(2).doesNotHaveDuplicates();
        String svg = new String(Base64.getDecoder().decode(result.images().get(0)
                .substring("data:image/svg+xml;base64,".length())), StandardCharsets.UTF_8);
        assertThat(svg).startsWith("<svg").contains("width=\"512\"", "A &lt;bold&gt; lighthouse", "[sandbox]");
    }

    private static double dot(Embedding a, Embedding b) {
        double sum = 0;
        for (int i = 0; i < a.dimensions(); i++) {
            sum += a.get(i) * b.get(i);
        }
        return sum;
    }
}
