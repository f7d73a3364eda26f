package io.olyx.bootstrap.cli;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A trace to create, validated before it is sent as seed 002 asks: metadata is an object whose keys are stable
 * strings of letters, digits, "_" and "-". Public clients announce themselves as the "cli" distribution channel.
 */
record TraceDraft(Map<String, Object> metadata, Optional<String> localRef, Optional<BigDecimal> revenue) {
    static final String CHANNEL = "cli";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    TraceDraft {
        metadata.keySet().stream().filter(key -> !KEY.matcher(key).matches()).findFirst().ifPresent(key -> {
            throw CliFailure.usage("metadata key \"" + key + "\" must be 1-64 letters, digits, _ or -");
        });
        if (revenue.filter(r -> r.signum() < 0).isPresent()) {
            throw CliFailure.usage("--revenue must not be negative");
        }
        Map<String, Object> withSource = new LinkedHashMap<>(metadata);
        withSource.putIfAbsent("source", "olyx-cli");
        metadata = Collections.unmodifiableMap(withSource);
    }

    /** The trace an exec or check opens for itself when no --trace-id is given. */
    static TraceDraft implicit(String feature, Optional<String> localRef) {
        return new TraceDraft(Map.of("feature", feature), localRef, Optional.empty());
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("metadata", metadata);
        body.put("distribution_channel", CHANNEL);
        localRef.ifPresent(ref -> body.put("local_ref", ref));
        revenue.ifPresent(amount -> body.put("revenue", amount));
        return body;
    }
}
