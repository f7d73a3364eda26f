package io.olyx.domain.trace;

public record StepId(long value) {
    public StepId {
        if (value <= 0) {
            throw new IllegalArgumentException("step id must be positive");
        }
    }
}
