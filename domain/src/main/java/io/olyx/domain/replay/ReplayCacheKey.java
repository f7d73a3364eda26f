package io.olyx.domain.replay;

import io.olyx.domain.trace.TraceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Names a replay result in the one-hour cache (and is the idempotency key seed 002 describes as "trace ID plus
 * replay configuration hash"): {@code replay:<trace id>:<first 32 hex digits of SHA-256(canonical overrides)>}.
 * Overrides that mean the same give the same key: compare_models is a set (sorted), max_cost compares by value
 * (0.0050 = 0.005); force_models keeps its order because position matters.
 */
public record ReplayCacheKey(String value) {
    public static final Duration TTL = Duration.ofHours(1);
    private static final String VERSION = "v1";

    public ReplayCacheKey {
        Objects.requireNonNull(value, "value");
    }

    public static ReplayCacheKey of(TraceId traceId, ReplayOverrides overrides) {
        byte[] digest = sha256(canonical(traceId, overrides));
        return new ReplayCacheKey("replay:" + traceId + ":" + HexFormat.of().formatHex(digest, 0, 16));
    }

    /** The normalised text that is hashed; identifiers cannot contain '|', '=' or ',' so fields cannot blur. */
    static String canonical(TraceId traceId, ReplayOverrides o) {
        return String.join("|", VERSION,
                "trace=" + traceId,
                "force_model=" + o.forceModel().orElse(""),
                "compare_models=" + o.compareModels().stream().sorted().collect(Collectors.joining(",")),
                "force_models=" + String.join(",", o.forceModels()),
                "max_cost=" + o.maxCost().map(c -> c.stripTrailingZeros().toPlainString()).orElse(""));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK ships SHA-256", impossible);
        }
    }
}
