package io.olyx.domain.gateway;

/** What a gateway does with a conversation over its contextMaximumSize: refuse it, or drop the oldest turns. */
public enum OverflowAction {
    THROW("Throw"), TRUNCATE("Truncate");

    private final String wire;

    OverflowAction(String wire) {
        this.wire = wire;
    }

    @Override
    public String toString() {
        return wire;
    }
}
