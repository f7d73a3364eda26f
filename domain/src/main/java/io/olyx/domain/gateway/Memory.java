package io.olyx.domain.gateway;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the model chose to remember about one of the project's end users (identified by the caller's external
 * user id), written through the built-in memory tool and fed back into that user's later conversations until it
 * expires.
 */
public record Memory(MemoryId id, ProjectId projectId, String externalUserId, String content, MemoryFormat format,
                     Instant createdAt, Instant expiresAt) {
    public static final int MAX_CONTENT = 2_000;
    public static final int MAX_USER_ID = 256;

    public Memory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        externalUserId = validUser(externalUserId);
        InvalidInput.require(content != null && !content.isBlank(), "content", "content is required");
        InvalidInput.require(Characters.count(content) <= MAX_CONTENT, "content",
                "content must be at most " + MAX_CONTENT + " characters");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static String validUser(String externalUserId) {
        return validUser(externalUserId, "externalUserId");
    }

    /**
     * An end user's id that a memory can be stored under, checked where a caller names it ({@code field}, such as a
     * chat's {@code user}), so a request whose memories could not be saved is refused before any model call.
     */
    public static String validUser(String externalUserId, String field) {
        InvalidInput.require(externalUserId != null && !externalUserId.isBlank(), field, field + " is required");
        InvalidInput.require(Characters.count(externalUserId) <= MAX_USER_ID, field,
                field + " must be at most " + MAX_USER_ID + " characters");
        return externalUserId;
    }

    /** When a reminder is due: it is kept for a grace day after that, so it can still be brought up. */
    public Instant dueAt() {
        return expiresAt.minus(MemoryRequest.REMINDER_GRACE);
    }

    public boolean liveAt(Instant now) {
        return expiresAt.isAfter(now);
    }
}
