package io.olyx.domain.rag;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a document is on its way into the search index. Queued: its current text waits for (or is in) an indexing
 * job. Indexed: the index holds its current text. Cancelled: indexing gave up on it (its job failed for good).
 */
public enum IndexState {
    QUEUED("Queued"), CANCELLED("Cancelled"), INDEXED("Indexed");

    private final String wire;

    IndexState(String wire) {
        this.wire = wire;
    }

    /** The seed's spelling ("Queued", "Indexed", "Cancelled"). */
    public String wire() {
        return wire;
    }

    /** Case-insensitive, as the browse filter's examples write it in lower case. */
    public static Optional<IndexState> parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.wire.toLowerCase(Locale.ROOT).equals(t)).findFirst();
    }
}
