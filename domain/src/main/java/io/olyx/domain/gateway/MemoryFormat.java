package io.olyx.domain.gateway;

import java.util.Optional;

/** The two kinds of memory the seed names: a fact about the user, or something to bring up on a date. */
public enum MemoryFormat {
    TEXT("Text"), DATE_REMINDER("DateReminder");

    private final String wire;

    MemoryFormat(String wire) {
        this.wire = wire;
    }

    /** Exactly the seed's spelling ("Text", "DateReminder"); anything else is no format. */
    public static Optional<MemoryFormat> parse(String text) {
        for (MemoryFormat format : values()) {
            if (format.wire.equals(text)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return wire;
    }
}
