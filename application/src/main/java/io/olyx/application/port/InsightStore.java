package io.olyx.application.port;

import io.olyx.domain.insight.Insight;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A project's insights across refreshes, identified by {@link Insight#dedupKey()} so a refresh updates in place. */
public interface InsightStore {
    /** Newest first; all statuses when {@code status} is empty. */
    List<Stored> list(ProjectId project, Optional<Status> status);

    /**
     * Applies one refresh: each derived insight is inserted, or updates the stored one with its key (a dismissed
     * insight stays dismissed, a resolved one becomes active again); active insights the refresh no longer derives
     * become resolved.
     */
    void apply(ProjectId project, List<Insight> derived, Instant now);

    /** Marks the insight dismissed; empty when the project has no insight with that id. */
    Optional<Stored> dismiss(ProjectId project, long id, Instant now);

    enum Status {
        ACTIVE, DISMISSED, RESOLVED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> parse(String wire) {
            return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
        }
    }

    record Stored(long id, Insight insight, Status status, Instant createdAt, Instant updatedAt) {
        public Stored {
            Objects.requireNonNull(insight, "insight");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }
}
