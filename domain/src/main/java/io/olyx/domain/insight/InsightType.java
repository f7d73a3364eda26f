package io.olyx.domain.insight;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

public enum InsightType {
    MIGRATION_ALERT, LATENCY_ALERT, INTENT_PATTERN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<InsightType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire().equals(wire)).findFirst();
    }
}
