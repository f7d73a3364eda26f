package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.llm.ChatOptions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A gateway's sampling defaults (temperature, topP, stop, maxCompletionTokens, presencePenalty, frequencyPenalty,
 * reasoningEffort) as chat options.
 */
final class Sampling {
    private Sampling() {
    }

    static ChatOptions read(JsonFields p, List<String> flags) {
        ChatOptions options = ChatOptions.DEFAULTS;
        Optional<BigDecimal> temperature = p.number("temperature");
        if (temperature.isPresent()) {
            double t = temperature.get().doubleValue();
            InvalidInput.require(t >= 0 && t <= 2, p.name("temperature"), p.name("temperature")
                    + " must be between 0 and 2");
            options = options.withTemperature(t);
        }
        Optional<BigDecimal> topP = p.number("topP");
        if (topP.isPresent()) {
            double v = topP.get().doubleValue();
            InvalidInput.require(v > 0 && v <= 1, p.name("topP"), p.name("topP") + " must be in (0, 1]");
            options = options.withTopP(v);
        }
        Optional<String> stop = p.string("stop").filter(s -> !s.isEmpty());
        if (stop.isPresent()) {
            options = options.withStop(List.of(stop.get()));
        }
        for (String penalty : List.of("presencePenalty", "frequencyPenalty")) {
            Optional<BigDecimal> value = p.number(penalty);
            if (value.isPresent()) {
                double v = value.get().doubleValue();
                InvalidInput.require(v >= -2 && v <= 2, p.name(penalty), p.name(penalty) + " must be between -2 and 2");
                options = penalty.equals("presencePenalty") ? options.withPresencePenalty(v)
                        : options.withFrequencyPenalty(v);
            }
        }
        Optional<String> effort = p.reasoningEffort("reasoningEffort");
        if (effort.isPresent()) {
            options = options.withReasoningEffort(effort.get());
        }
        var maxTokens = p.wholeNumber("maxCompletionTokens");
        if (maxTokens.isPresent()) {
            InvalidInput.require(maxTokens.getAsInt() >= 1, p.name("maxCompletionTokens"),
                    p.name("maxCompletionTokens") + " must be at least 1");
            options = options.withMaxTokens(maxTokens.getAsInt());
        }
        return withoutFlagged(options, flags);
    }

    /** {@code options} less what the gateway's flags say its model rejects: temperature, stop, reasoning effort. */
    static ChatOptions withoutFlagged(ChatOptions options, List<String> flags) {
        return new ChatOptions(flags.contains(GatewayFlags.NO_TEMPERATURE) ? OptionalDouble.empty()
                : options.temperature(), options.maxTokens(), options.topP(),
                flags.contains(GatewayFlags.NO_STOP_PARAMETER) ? List.of() : options.stop(), options.responseFormat(),
                options.presencePenalty(), options.frequencyPenalty(), options.seed(),
                flags.contains(GatewayFlags.NO_REASONING_EFFORT) ? Optional.empty() : options.reasoningEffort());
    }
}
