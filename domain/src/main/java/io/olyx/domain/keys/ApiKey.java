package io.olyx.domain.keys;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.Money;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A project-scoped API key as stored: the secret only as a hash. */
public record ApiKey(ApiKeyId id, String name, ProjectId projectId, String secretHash, String masked,
                     KeyStatus status, Optional<BigDecimal> hourlyLimit, Optional<Instant> expiresAt,
                     int loopInterventionCount, Optional<Instant> lastUsed, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(masked, "masked");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(hourlyLimit, "hourlyLimit");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastUsed, "lastUsed");
        Objects.requireNonNull(createdAt, "createdAt");
        validateName(name);
        hourlyLimit = hourlyLimit.map(Money::normalize);
        hourlyLimit.ifPresent(ApiKey::validateLimit);
        InvalidInput.require(loopInterventionCount >= 0, "loop_intervention_count", "must not be negative");
    }

    public static void validateName(String name) {
        InvalidInput.require(name != null && !name.isBlank() && Characters.count(name) <= MAX_NAME_LENGTH, "name",
                "name is required and must be at most " + MAX_NAME_LENGTH + " characters");
    }

    public static void validateLimit(BigDecimal limit) {
        InvalidInput.require(limit.signum() > 0, "hourly_limit", "hourly_limit must be a positive amount (USD)");
        Money.requireStorable(limit, Money.AMOUNT_DECIMALS, "hourly_limit");
    }

    /** The status a request sees: a key past its expiry is expired whatever its stored status says. */
    public KeyStatus effectiveStatus(Instant now) {
        if (status == KeyStatus.ACTIVE && expired(now)) {
            return KeyStatus.EXPIRED;
        }
        return status;
    }

    /** Whether the key's hard expiry has passed; like revocation, that is final (seed 001: "Hard expiry"). */
    public boolean expired(Instant now) {
        return expiresAt.filter(at -> !now.isBefore(at)).isPresent();
    }

    public ApiKey withStatus(KeyStatus newStatus) {
        return new ApiKey(id, name, projectId, secretHash, masked, newStatus, hourlyLimit, expiresAt,
                loopInterventionCount, lastUsed, createdAt);
    }

    public ApiKey withLastUsed(Instant at) {
        return new ApiKey(id, name, projectId, secretHash, masked, status, hourlyLimit, expiresAt,
                loopInterventionCount, Optional.of(at), createdAt);
    }

    public ApiKey updated(KeyChanges changes) {
        return new ApiKey(id, changes.name().orElse(name), projectId, secretHash, masked,
                changes.status().orElse(status),
                changes.hourlyLimit().orElse(hourlyLimit),
                changes.expiresAt().orElse(expiresAt),
                loopInterventionCount, lastUsed, createdAt);
    }
}
