package io.olyx.domain.trace;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.common.Money;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/** One logical unit of work (a user message, a job, an agent task); its steps are stored apart. */
public record Trace(TraceId id, ProjectId projectId, TraceStatus status, Map<String, Object> metadata,
                    Optional<BigDecimal> revenue, Optional<String> localRef, String distributionChannel,
                    Optional<TraceId> replayOf, Instant createdAt, Optional<Instant> endedAt,
                    Optional<TraceSummary> summary) {
    public static final int MAX_METADATA_KEYS = 64;
    public static final int MAX_METADATA_KEY_LENGTH = 64;
    public static final int MAX_METADATA_VALUE_LENGTH = 1024;
    public static final int MAX_LOCAL_REF_LENGTH = 512;
    private static final Pattern METADATA_KEY = Pattern.compile("[A-Za-z0-9_-]+");

    public Trace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(revenue, "revenue");
        Objects.requireNonNull(localRef, "localRef");
        Objects.requireNonNull(distributionChannel, "distributionChannel");
        Objects.requireNonNull(replayOf, "replayOf");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(endedAt, "endedAt");
        Objects.requireNonNull(summary, "summary");
        revenue = revenue.map(Money::normalize);
        metadata = JsonValues.freezeObject(metadata == null ? Map.of() : metadata);
    }

    /**
     * Seed 002's metadata rules: an object of stable keys (letters, digits, _ and -) with small values. Nested
     * objects and arrays are tolerated but count towards the size bound, so metadata stays a label set, not a
     * payload store.
     */
    public static void validateMetadata(Map<String, Object> metadata) {
        InvalidInput.require(metadata.size() <= MAX_METADATA_KEYS, "metadata",
                "metadata may have at most " + MAX_METADATA_KEYS + " keys");
        // every trace list page carries each trace's metadata, so one trace's must stay small at any depth
        JsonValues.requireAttachedSize("metadata", JsonValues.jsonLength(metadata));
        metadata.forEach((key, value) -> {
            InvalidInput.require(METADATA_KEY.matcher(key).matches() && Characters.count(key) <= MAX_METADATA_KEY_LENGTH,
                    "metadata", "metadata keys must be 1-" + MAX_METADATA_KEY_LENGTH
                            + " letters, digits, _ or - (got \"" + Characters.abbreviate(key, 20) + "\")");
            InvalidInput.require(!(value instanceof String s) || Characters.count(s) <= MAX_METADATA_VALUE_LENGTH,
                    "metadata." + key, "metadata values must be at most " + MAX_METADATA_VALUE_LENGTH + " characters");
        });
    }

    /** Revenue is an amount in USD: not negative, and stored exactly as sent. */
    public static void validateRevenue(BigDecimal revenue) {
        InvalidInput.require(revenue.signum() >= 0, "revenue", "revenue must not be negative");
        Money.requireStorable(revenue, Money.AMOUNT_DECIMALS, "revenue");
    }

    public static void validateLocalRef(String localRef) {
        InvalidInput.require(!localRef.isBlank() && Characters.count(localRef) <= MAX_LOCAL_REF_LENGTH, "local_ref",
                "local_ref must be 1-" + MAX_LOCAL_REF_LENGTH + " characters");
    }

    public Trace ended(TraceStatus newStatus, Instant at, TraceSummary newSummary) {
        return new Trace(id, projectId, newStatus, metadata, revenue, localRef, distributionChannel, replayOf,
                createdAt, Optional.of(at), Optional.of(newSummary));
    }
}
