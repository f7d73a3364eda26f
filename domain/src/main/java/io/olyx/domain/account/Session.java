package io.olyx.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** A logged-in control-plane session. Only the hash of its access token is ever stored. */
public record Session(String tokenHash, AccountId accountId, Instant createdAt, Instant expiresAt) {
    public static final Duration LIFETIME = Duration.ofDays(180);

    public Session {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static Session start(String tokenHash, AccountId accountId, Instant now) {
        return new Session(tokenHash, accountId, now, now.plus(LIFETIME));
    }

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
