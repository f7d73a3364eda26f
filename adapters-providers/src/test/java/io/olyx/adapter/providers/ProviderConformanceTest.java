package io.olyx.adapter.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ChatMessage;
import io.olyx.domain.llm.ChatRequest;
import io.olyx.domain.llm.ChatResult;
import io.olyx.domain.llm.FinishReason;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.llm.StreamEvent;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.llm.ToolChoice;
import io.olyx.fixtures.provider.FakeBehavior;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The behaviour every HTTP wire format must share, run against each one over real HTTP on loopback: answers,
 * tool calls, streaming, usage, and how failures are classified for the fallback path.
 */
class ProviderConformanceTest extends AgainstFakeProvider {

    private static final ToolDefinition WEATHER = new ToolDefinition("get_weather", "Get current weather for a city",
            Map.of("type", "object", "properties", Map.of("city", Map.of("type", "string")),
                    "required", List.of("city")));

    private static ModelEndpoint endpoint(ProviderKind kind) {
        return TestProviders.endpoint(kind, fake);
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void answersAPlainChatWithTextAndReportedUsage(ProviderKind kind) {
        fake.enqueue(FakeBehavior.text("Bonjour le monde.").withUsage(21, 4));

        ChatResult result = gateway.chat(endpoint(kind), ChatRequest.of(List.of(
                ChatMessage.system("You translate."), ChatMessage.user("Translate to French: Hello, world."))));

        assertThat(result.text()).isEqualTo("Bonjour le monde.");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.usage().promptTokens()).isEqualTo(21);
        assertThat(result.usage().completionTokens()).isEqualTo(4);
        assertThat(result.usage().estimated()).isFalse();
        assertThat(result.model()).isNotBlank();
        assertThat(fake.lastRequest().bodyText()).contains("Translate to French: Hello, world.");
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void countsTokensItselfWhenTheProviderReportsNone(ProviderKind kind) {
        fake.enqueue(FakeBehavior.text("Four words right here.").withoutUsage());

        ChatResult result = gateway.chat(endpoint(kind), ChatRequest.ofUser("Say four words."));

        assertThat(result.usage().estimated()).isTrue();
        assertThat(result.usage().promptTokens()).isPositive();
        assertThat(result.usage().completionTokens()).isPositive();
    }

    /**
     * A count no call can have (negative, or beyond 32 bits) is a provider's bug, not usage: Olyx counts those
     * tokens itself and says so, rather than failing the call or pricing it at a wrapped-around number.
     */
    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void countsTokensItselfWhenTheReportedCountsAreImpossible(ProviderKind kind) {
        String reply = "Four words right here.";
        fake.enqueue(FakeBehavior.text(reply).withUsage(-3, 5_000_000_000L),
                FakeBehavior.text(reply).withUsage(5_000_000_000L, -3),
                FakeBehavior.text(reply).withUsage(4_294_967_296L + 21, 4_294_967_296L + 4));
        ChatRequest ask = ChatRequest.ofUser("Say four words.");

        List<ChatResult> results = List.of(gateway.chat(endpoint(kind), ask),
                gateway.stream(endpoint(kind), ask, event -> { }), gateway.chat(endpoint(kind), ask));

        for (ChatResult result : results) {
            assertThat(result.text()).isEqualTo(reply);
            assertThat(result.usage().estimated()).as(result.usage().toString()).isTrue();
            assertThat(result.usage().promptTokens()).isBetween(1, 100);
            assertThat(result.usage().completionTokens()).isBetween(1, 100);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void parsesToolCallsAndSendsToolResultsBack(ProviderKind kind) {
        fake.enqueue(FakeBehavior.toolCall("get_weather", "{\"city\":\"London\"}"),
                FakeBehavior.text("It's 15°C and partly cloudy in London."));
        ChatRequest ask = ChatRequest.ofUser("What's the weather in London right now?")
                .withTools(List.of(WEATHER), ToolChoice.AUTO);

        ChatResult first = gateway.chat(endpoint(kind), ask);

        assertThat(first.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(first.toolCalls()).hasSize(1);
        ToolCall call = first.toolCalls().get(0);
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call.arguments()).isEqualTo(Map.of("city", "London"));
        assertThat(fake.lastRequest().bodyText()).contains("get_weather", "Get current weather for a city");

        List<ChatMessage> history = new ArrayList<>(ask.messages());
        history.add(ChatMessage.assistant("", List.of(call)));
        history.add(ChatMessage.toolResult(call.id(), "15°C, partly cloudy"));
        ChatResult second = gateway.chat(endpoint(kind), ask.withMessages(history));

        assertThat(second.text()).isEqualTo("It's 15°C and partly cloudy in London.");
        assertThat(fake.lastRequest().bodyText()).contains("15°C, partly cloudy");
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void streamsDeltasInOrderWhileTheProviderIsStillAnswering(ProviderKind kind) {
        CountDownLatch gate = new CountDownLatch(1);
        fake.enqueue(FakeBehavior.text("one two three four").withUsage(9, 4).holdAfterFirstContent(gate));
        List<StreamEvent> events = new ArrayList<>();
        AtomicBoolean providerStillAnswering = new AtomicBoolean();

        ChatResult result = gateway.stream(endpoint(kind), ChatRequest.ofUser("Count to four."), event -> {
            if (event instanceof StreamEvent.TextDelta && gate.getCount() == 1) {
                providerStillAnswering.set(fake.completedCount() == 0);
                gate.countDown();
            }
            events.add(event);
        });

        assertThat(providerStillAnswering).isTrue();
        assertThat(events).filteredOn(StreamEvent.TextDelta.class::isInstance)
                .extracting(e -> ((StreamEvent.TextDelta) e).text())
                .containsExactly("one ", "two ", "three ", "four");
        assertThat(events.get(events.size() - 1)).isEqualTo(new StreamEvent.Completed(FinishReason.STOP,
                result.usage(), result.model()));
        assertThat(result.text()).isEqualTo("one two three four");
        assertThat(result.usage().promptTokens()).isEqualTo(9);
        assertThat(result.usage().completionTokens()).isEqualTo(4);
        assertThat(result.usage().estimated()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void streamsToolCallsAsDeltasAndCompletedCalls(ProviderKind kind) {
        fake.enqueue(FakeBehavior.toolCall("get_weather", "{\"city\":\"Paris\",\"unit\":\"celsius\"}"));
        List<StreamEvent> events = new ArrayList<>();

        ChatResult result = gateway.stream(endpoint(kind), ChatRequest.ofUser("Weather in Paris?")
                .withTools(List.of(WEATHER), ToolChoice.AUTO), events::add);

        assertThat(result.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(result.toolCalls()).singleElement().satisfies(call -> {
            assertThat(call.name()).isEqualTo("get_weather");
            assertThat(call.arguments()).isEqualTo(Map.of("city", "Paris", "unit", "celsius"));
        });
        String streamedArguments = events.stream().filter(StreamEvent.ToolCallDelta.class::isInstance)
                .map(e -> ((StreamEvent.ToolCallDelta) e).argumentsFragment()).reduce("", String::concat);
        assertThat(streamedArguments.replace(" ", "")).isEqualTo("{\"city\":\"Paris\",\"unit\":\"celsius\"}");
        StreamEvent.ToolCallDelta firstDelta = events.stream().filter(StreamEvent.ToolCallDelta.class::isInstance)
                .map(StreamEvent.ToolCallDelta.class::cast).findFirst().orElseThrow();
        assertThat(firstDelta.name()).contains("get_weather");
        assertThat(events).filteredOn(StreamEvent.ToolCallCompleted.class::isInstance).hasSize(1);
        assertThat(events.get(events.size() - 1)).isInstanceOf(StreamEvent.Completed.class);
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void stopsReadingWhenTheSinkGoesAwayAndReturnsWhatArrived(ProviderKind kind) {
        fake.enqueue(FakeBehavior.text("a b c d e f g h"));
        AtomicInteger calls = new AtomicInteger();

        ChatResult result = gateway.stream(endpoint(kind), ChatRequest.ofUser("Letters."), event -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("client disconnected");
            }
        });

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(result.cancelled()).isTrue();
        assertThat(calls).hasValue(2);
        assertThat(result.text()).startsWith("a ").doesNotContain("h");
        assertThat(result.usage().estimated()).isTrue();

        fake.enqueue(FakeBehavior.text("still works"));
        assertThat(gateway.chat(endpoint(kind), ChatRequest.ofUser("again")).text()).isEqualTo("still works");
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void classifiesRateLimitsAsRetryableWithRetryAfter(ProviderKind kind) {
        fake.enqueue(FakeBehavior.rateLimited("7"));

        ProviderFailure failure = failure(kind);

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.httpStatus()).hasValue(429);
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(failure.providerMessage()).contains("Rate limit reached");
        assertThat(failure.provider()).isEqualTo(kind);
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void classifiesServerErrorsAsRetryable(ProviderKind kind) {
        fake.enqueue(FakeBehavior.error(500, "boom"), FakeBehavior.error(503, "unavailable"));

        ProviderFailure internal = failure(kind);
        ProviderFailure unavailable = failure(kind);

        assertThat(internal.kind()).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
        assertThat(internal.httpStatus()).hasValue(500);
        assertThat(internal.providerMessage()).contains("boom");
        assertThat(unavailable.kind()).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
        assertThat(unavailable.retryable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void classifiesClientErrorsAsFinal(ProviderKind kind) {
        fake.enqueue(FakeBehavior.error(400, "messages: field required"));

        ProviderFailure failure = failure(kind);

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CLIENT_ERROR);
        assertThat(failure.retryable()).isFalse();
        assertThat(failure.providerMessage()).contains("messages: field required");
    }

    /** A provider that sends more than max_answer_bytes fails its call; an answer under the bound is read as ever. */
    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void stopsReadingAnAnswerLargerThanItsBound(ProviderKind kind) {
        Map<String, Object> config = new HashMap<>(endpoint(kind).config());
        config.put("max_answer_bytes", 4096);
        ModelEndpoint capped = endpoint(kind).withConfig(config);
        String huge = "word ".repeat(5_000);
        fake.enqueue(FakeBehavior.text(huge), FakeBehavior.text(huge), FakeBehavior.text("Short and sweet."));
        ChatRequest ask = ChatRequest.ofUser("Say a lot.");

        ProviderFailure plain = catchThrowableOfType(ProviderFailure.class, () -> gateway.chat(capped, ask));
        ProviderFailure streamed = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.stream(capped, ask, e -> { }));

        for (ProviderFailure failure : List.of(plain, streamed)) {
            assertThat(failure).isNotNull();
            assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.MALFORMED_RESPONSE);
            assertThat(failure.getMessage()).contains("larger than 4096 bytes");
        }
        assertThat(gateway.chat(capped, ask).text()).isEqualTo("Short and sweet.");
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void classifiesBodiesThatAreNotTheFormatAsMalformed(ProviderKind kind) {
        fake.enqueue(FakeBehavior.malformed(), FakeBehavior.malformed());

        ProviderFailure plain = failure(kind);
        ProviderFailure streamed = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.stream(endpoint(kind), ChatRequest.ofUser("hi"), e -> { }));

        assertThat(plain.kind()).isEqualTo(ProviderFailure.Kind.MALFORMED_RESPONSE);
        assertThat(streamed.kind()).isEqualTo(ProviderFailure.Kind.MALFORMED_RESPONSE);
        assertThat(plain.retryable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void timesOutWhenTheProviderIsSlowerThanTheRequestTimeout(ProviderKind kind) {
        fake.enqueue(FakeBehavior.defaultReply().delayFirstByte(Duration.ofSeconds(3)));
        ModelEndpoint impatient = endpoint(kind).withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300),
                Duration.ofSeconds(5));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.chat(impatient, ChatRequest.ofUser("hi")));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        assertThat(failure.retryable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void timesOutAStreamThatStallsAndKeepsWhatArrived(ProviderKind kind) {
        fake.enqueue(FakeBehavior.text("first then silence").holdAfterFirstContent(new CountDownLatch(1)));
        ModelEndpoint impatient = endpoint(kind).withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofMillis(300));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.stream(impatient, ChatRequest.ofUser("hi"), e -> { }));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        assertThat(failure.partial()).hasValueSatisfying(partial -> {
            assertThat(partial.text()).isEqualTo("first ");
            assertThat(partial.finishReason()).isEqualTo(FinishReason.ERROR);
        });
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void reportsARefusedConnectionAsConnect(ProviderKind kind) {
        ModelEndpoint nowhere = endpoint(kind).withBaseUrl("http://127.0.0.1:" + TestProviders.closedPort());

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.chat(nowhere, ChatRequest.ofUser("hi")));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CONNECT);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).doesNotContain("sk-", "azure-key", TestProviders.AWS_SECRET);
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void reportsAMidStreamDisconnectWithThePartialAnswer(ProviderKind kind) {
        // the client may lose bytes that arrive together with the reset, so only the first chunk is certain
        CountDownLatch firstSeen = new CountDownLatch(1);
        fake.enqueue(FakeBehavior.text("alpha beta gamma delta").holdAfterFirstContent(firstSeen)
                .disconnectAfterChunks(2));
        List<String> delivered = new ArrayList<>();

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                () -> gateway.stream(endpoint(kind), ChatRequest.ofUser("Greek letters."), e -> {
                    if (e instanceof StreamEvent.TextDelta d) {
                        delivered.add(d.text());
                        firstSeen.countDown();
                    }
                }));

        assertThat(failure.kind()).isEqualTo(ProviderFailure.Kind.CONNECT);
        assertThat(delivered).startsWith("alpha ").isSubsetOf("alpha ", "beta ");
        assertThat(failure.partial()).hasValueSatisfying(p -> {
            assertThat(p.text()).isEqualTo(String.join("", delivered));
            assertThat(p.usage().estimated()).isTrue();
        });
    }

    @ParameterizedTest
    @EnumSource(value = ProviderKind.class, names = "SANDBOX", mode = EnumSource.Mode.EXCLUDE)
    void reportsADroppedPlainResponseAsConnect(ProviderKind kind) {
        fake.enqueue(FakeBehavior.text("cut short").disconnectAfterChunks(0));

        assertThat(failure(kind).kind()).isEqualTo(ProviderFailure.Kind.CONNECT);
    }

    private static ProviderFailure failure(ProviderKind kind) {
        return catchThrowableOfType(ProviderFailure.class,
                () -> gateway.chat(endpoint(kind), ChatRequest.ofUser("hi")));
    }
}
