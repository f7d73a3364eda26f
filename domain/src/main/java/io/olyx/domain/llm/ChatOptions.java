package io.olyx.domain.llm;

import io.olyx.domain.common.InvalidInput;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Sampling knobs a caller may set, absent ones left to the provider's defaults, and the shape the answer must take.
 */
public record ChatOptions(OptionalDouble temperature, OptionalInt maxTokens, OptionalDouble topP, List<String> stop,
                          ResponseFormat responseFormat) {
    public static final ChatOptions DEFAULTS =
            new ChatOptions(OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(), List.of());

    public ChatOptions {
        temperature = temperature == null ? OptionalDouble.empty() : temperature;
        maxTokens = maxTokens == null ? OptionalInt.empty() : maxTokens;
        topP = topP == null ? OptionalDouble.empty() : topP;
        stop = List.copyOf(stop == null ? List.of() : stop);
        responseFormat = responseFormat == null ? ResponseFormat.TEXT : responseFormat;
        temperature.ifPresent(t -> require(t >= 0 && t <= 2, "temperature must be between 0 and 2"));
        maxTokens.ifPresent(m -> require(m > 0, "max tokens must be positive"));
        topP.ifPresent(p -> require(p > 0 && p <= 1, "top_p must be in (0, 1]"));
        stop.forEach(s -> require(!s.isEmpty(), "stop sequences must not be empty"));
    }

    /** Free-text answers. */
    public ChatOptions(OptionalDouble temperature, OptionalInt maxTokens, OptionalDouble topP, List<String> stop) {
        this(temperature, maxTokens, topP, stop, ResponseFormat.TEXT);
    }

    public ChatOptions withTemperature(double value) {
        return new ChatOptions(OptionalDouble.of(value), maxTokens, topP, stop, responseFormat);
    }

    public ChatOptions withMaxTokens(int value) {
        return new ChatOptions(temperature, OptionalInt.of(value), topP, stop, responseFormat);
    }

    public ChatOptions withTopP(double value) {
        return new ChatOptions(temperature, maxTokens, OptionalDouble.of(value), stop, responseFormat);
    }

    public ChatOptions withStop(List<String> value) {
        return new ChatOptions(temperature, maxTokens, topP, value, responseFormat);
    }

    public ChatOptions withResponseFormat(ResponseFormat value) {
        return new ChatOptions(temperature, maxTokens, topP, stop, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidInput("request", message);
        }
    }
}
