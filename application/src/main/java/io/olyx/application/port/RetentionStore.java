package io.olyx.application.port;

import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.Optional;

/** Removes what a project's retention settings no longer allow to keep, and what deletions left behind. */
public interface RetentionStore {
    /** Clears input and output of steps that started before {@code before} (only {@code model}'s when given). */
    long clearPayloads(ProjectId project, Instant before, Optional<String> model);

    /** Deletes the traces created before {@code before}, with their steps; returns how many traces. */
    long deleteTraces(ProjectId project, Instant before);

    /**
     * Deletes the project's steps that started before {@code before} and whose trace no longer exists. Steps carry no
     * foreign key (they are the hot write path), so a call still running into a trace that a purge deletes records
     * its step after the purge; with the purge's own cutoff as {@code before} the range holds only such steps.
     */
    long deleteOrphanSteps(ProjectId project, Instant before);

    /**
     * Deletes every step of {@code project} if the project no longer exists (nothing otherwise): the steps that calls
     * still running when it was deleted recorded afterwards. Returns how many steps.
     */
    long deleteStepsOfDeletedProject(ProjectId project);
}
