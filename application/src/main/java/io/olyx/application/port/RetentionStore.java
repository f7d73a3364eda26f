package io.olyx.application.port;

import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.Optional;

/** Removes what a project's retention settings no longer allow to keep. */
public interface RetentionStore {
    /** Clears input and output of steps that started before {@code before} (only {@code model}'s when given). */
    long clearPayloads(ProjectId project, Instant before, Optional<String> model);

    /** Deletes the traces created before {@code before}, with their steps; returns how many traces. */
    long deleteTraces(ProjectId project, Instant before);
}
