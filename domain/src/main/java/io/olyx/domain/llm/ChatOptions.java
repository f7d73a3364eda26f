package io.olyx.domain.llm;

import io.olyx.domain.common.InvalidInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Sampling knobs a caller may set, absent ones left to the provider's defaults, and the shape the answer must take.
 * Penalties, seed and reasoning effort are OpenAI's; providers without them leave them out.
 */
public record ChatOptions(OptionalDouble temperature, OptionalInt maxTokens, OptionalDouble topP, List<String> stop,
                          ResponseFormat responseFormat, OptionalDouble presencePenalty,
                          OptionalDouble frequencyPenalty, OptionalLong seed, Optional<String> reasoningEffort) {
    /**
     * OpenAI's reasoning-effort levels (none and xhigh on its newer models): the only provider wire that takes the
     * parameter, so anything else could only be refused there, after the call was admitted and counted.
     */
    public static final List<String> REASONING_EFFORTS = List.of("none", "minimal", "low", "medium", "high", "xhigh");
    /** The levels as a message lists them: "none, minimal, low, medium, high, xhigh". */
    public static final String REASONING_EFFORTS_TEXT = String.join(", ", REASONING_EFFORTS);
    public static final ChatOptions DEFAULTS =
            new ChatOptions(OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(), List.of());

    public ChatOptions {
        temperature = temperature == null ? OptionalDouble.empty() : temperature;
        maxTokens = maxTokens == null ? OptionalInt.empty() : maxTokens;
        topP = topP == null ? OptionalDouble.empty() : topP;
        stop = List.copyOf(stop == null ? List.of() : stop);
        responseFormat = responseFormat == null ? ResponseFormat.TEXT : responseFormat;
        presencePenalty = presencePenalty == null ? OptionalDouble.empty() : presencePenalty;
        frequencyPenalty = frequencyPenalty == null ? OptionalDouble.empty() : frequencyPenalty;
        seed = seed == null ? OptionalLong.empty() : seed;
        reasoningEffort = reasoningEffort == null ? Optional.empty() : reasoningEffort;
        temperature.ifPresent(t -> require(t >= 0 && t <= 2, "temperature must be between 0 and 2"));
        maxTokens.ifPresent(m -> require(m > 0, "max tokens must be positive"));
        topP.ifPresent(p -> require(p > 0 && p <= 1, "top_p must be in (0, 1]"));
        stop.forEach(s -> require(!s.isEmpty(), "stop sequences must not be empty"));
        presencePenalty.ifPresent(p -> require(p >= -2 && p <= 2, "presence_penalty must be between -2 and 2"));
        frequencyPenalty.ifPresent(f -> require(f >= -2 && f <= 2, "frequency_penalty must be between -2 and 2"));
        reasoningEffort.ifPresent(e -> require(REASONING_EFFORTS.contains(e),
                "reasoning_effort must be one of " + REASONING_EFFORTS_TEXT));
    }

    /** Free-text answers, no penalties, seed or reasoning effort. */
    public ChatOptions(OptionalDouble temperature, OptionalInt maxTokens, OptionalDouble topP, List<String> stop) {
        this(temperature, maxTokens, topP, stop, ResponseFormat.TEXT, OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalLong.empty(), Optional.empty());
    }

    public ChatOptions withTemperature(double value) {
        return new ChatOptions(OptionalDouble.of(value), maxTokens, topP, stop, responseFormat, presencePenalty,
                frequencyPenalty, seed, reasoningEffort);
    }

    public ChatOptions withMaxTokens(int value) {
        return new ChatOptions(temperature, OptionalInt.of(value), topP, stop, responseFormat, presencePenalty,
                frequencyPenalty, seed, reasoningEffort);
    }

    public ChatOptions withTopP(double value) {
        return new ChatOptions(temperature, maxTokens, OptionalDouble.of(value), stop, responseFormat,
                presencePenalty, frequencyPenalty, seed, reasoningEffort);
    }

    public ChatOptions withStop(List<String> value) {
        return new ChatOptions(temperature, maxTokens, topP, value, responseFormat, presencePenalty,
                frequencyPenalty, seed, reasoningEffort);
    }

    public ChatOptions withResponseFormat(ResponseFormat value) {
        return new ChatOptions(temperature, maxTokens, topP, stop, value, presencePenalty, frequencyPenalty, seed,
                reasoningEffort);
    }

    public ChatOptions withPresencePenalty(double value) {
        return new ChatOptions(temperature, maxTokens, topP, stop, responseFormat, OptionalDouble.of(value),
                frequencyPenalty, seed, reasoningEffort);
    }

    public ChatOptions withFrequencyPenalty(double value) {
        return new ChatOptions(temperature, maxTokens, topP, stop, responseFormat, presencePenalty,
                OptionalDouble.of(value), seed, reasoningEffort);
    }

    public ChatOptions withSeed(long value) {
        return new ChatOptions(temperature, maxTokens, topP, stop, responseFormat, presencePenalty,
                frequencyPenalty, OptionalLong.of(value), reasoningEffort);
    }

    public ChatOptions withReasoningEffort(String value) {
        return new ChatOptions(temperature, maxTokens, topP, stop, responseFormat, presencePenalty,
                frequencyPenalty, seed, Optional.of(value));
    }

    /** These options where they are set, else {@code defaults}' (a free-text format counts as not set). */
    public ChatOptions orElse(ChatOptions defaults) {
        return new ChatOptions(temperature.isPresent() ? temperature : defaults.temperature,
                maxTokens.isPresent() ? maxTokens : defaults.maxTokens, topP.isPresent() ? topP : defaults.topP,
                stop.isEmpty() ? defaults.stop : stop,
                responseFormat instanceof ResponseFormat.Text ? defaults.responseFormat : responseFormat,
                presencePenalty.isPresent() ? presencePenalty : defaults.presencePenalty,
                frequencyPenalty.isPresent() ? frequencyPenalty : defaults.frequencyPenalty,
                seed.isPresent() ? seed : defaults.seed, reasoningEffort.or(() -> defaults.reasoningEffort));
    }

    /**
     * The options a caller set, in OpenAI's names (temperature, max_tokens, top_p, stop, response_format,
     * presence_penalty, frequency_penalty, seed, reasoning_effort): what a step records so a replay asks the same
     * way.
     */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        temperature.ifPresent(t -> wire.put("temperature", t));
        maxTokens.ifPresent(m -> wire.put("max_tokens", m));
        topP.ifPresent(p -> wire.put("top_p", p));
        if (!stop.isEmpty()) {
            wire.put("stop", stop);
        }
        if (!(responseFormat instanceof ResponseFormat.Text)) {
            wire.put("response_format", responseFormat.toWire());
        }
        presencePenalty.ifPresent(p -> wire.put("presence_penalty", p));
        frequencyPenalty.ifPresent(f -> wire.put("frequency_penalty", f));
        seed.ifPresent(v -> wire.put("seed", v));
        reasoningEffort.ifPresent(e -> wire.put("reasoning_effort", e));
        return wire;
    }

    /** Reads {@link #toWire()}'s form back; a value that is missing or out of range is left at its default. */
    public static ChatOptions fromWire(Map<?, ?> wire) {
        ChatOptions options = DEFAULTS;
        if (wire.get("temperature") instanceof Number t && t.doubleValue() >= 0 && t.doubleValue() <= 2) {
            options = options.withTemperature(t.doubleValue());
        }
        if (wire.get("max_tokens") instanceof Number m && m.longValue() > 0 && m.longValue() <= Integer.MAX_VALUE) {
            options = options.withMaxTokens(m.intValue());
        }
        if (wire.get("top_p") instanceof Number p && p.doubleValue() > 0 && p.doubleValue() <= 1) {
            options = options.withTopP(p.doubleValue());
        }
        if (wire.get("stop") instanceof List<?> stop && stop.stream().allMatch(s -> s instanceof String t
                && !t.isEmpty())) {
            options = options.withStop(stop.stream().map(String.class::cast).toList());
        }
        if (wire.get("presence_penalty") instanceof Number p && Math.abs(p.doubleValue()) <= 2) {
            options = options.withPresencePenalty(p.doubleValue());
        }
        if (wire.get("frequency_penalty") instanceof Number f && Math.abs(f.doubleValue()) <= 2) {
            options = options.withFrequencyPenalty(f.doubleValue());
        }
        if (wire.get("seed") instanceof Number v && v.doubleValue() == Math.rint(v.doubleValue())) {
            options = options.withSeed(v.longValue());
        }
        if (wire.get("reasoning_effort") instanceof String effort && REASONING_EFFORTS.contains(effort)) {
            options = options.withReasoningEffort(effort);
        }
        Optional<ResponseFormat> format = ResponseFormat.parse(wire.get("response_format"));
        return format.isPresent() ? options.withResponseFormat(format.get()) : options;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInput("request", message);
        }
    }
}
