package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How much conversation reaches the model: at most {@code maximumSize} prompt tokens (refused or truncated past
 * it), and only the newest {@code toolContextCount} tool results in full.
 */
public record ContextLimits(OptionalInt maximumSize, OverflowAction overflowAction, OptionalInt toolContextCount) {
    public static final ContextLimits NONE = new ContextLimits(OptionalInt.empty(), OverflowAction.THROW,
            OptionalInt.empty());

    public ContextLimits {
        Objects.requireNonNull(maximumSize, "maximumSize");
        Objects.requireNonNull(overflowAction, "overflowAction");
        Objects.requireNonNull(toolContextCount, "toolContextCount");
    }

    static ContextLimits read(JsonFields p) {
        OptionalInt maximum = p.wholeNumber("contextMaximumSize");
        InvalidInput.require(maximum.orElse(1) >= 1, p.name("contextMaximumSize"),
                p.name("contextMaximumSize") + " must be positive");
        OptionalInt tools = p.wholeNumber("toolContextCount");
        InvalidInput.require(tools.orElse(0) >= 0, p.name("toolContextCount"),
                p.name("toolContextCount") + " must not be negative");
        return new ContextLimits(maximum, p.choice("contextOverflowAction", OverflowAction.class,
                OverflowAction.THROW), tools);
    }
}
