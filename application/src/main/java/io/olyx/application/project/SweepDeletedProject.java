package io.olyx.application.project;

import io.olyx.application.jobs.JobHandler;
import io.olyx.application.jobs.PermanentJobFailure;
import io.olyx.application.port.RetentionStore;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Deletes the steps a deleted project's in-flight calls recorded after the deletion. Steps have no foreign key to
 * their project (a cascading one slowed the step insert that every model call runs), so a call admitted before the
 * delete still writes its step when the provider answers. Deleting a project queues one sweep per entry of
 * {@link #AFTER}; each is an idempotent delete guarded by the project's absence, so a sweep that runs twice or on
 * any node does no harm.
 */
public final class SweepDeletedProject implements JobHandler {
    public static final String KIND = "project.sweep_steps";
    /**
     * When the sweeps run after a deletion. No code bound caps a call: {@code request_timeout_ms} may be set up to
     * 2^31-1 ms (24.9 days) per model and a stream is only bounded by its idle timeout. So the first sweep runs well
     * after the default 120 s request timeout and a fallback path, the second covers calls configured to run for
     * hours, the last one covers one attempt at the longest {@code request_timeout_ms} a model can be given.
     */
    static final List<Duration> AFTER = List.of(Duration.ofMinutes(15), Duration.ofDays(1), Duration.ofDays(25));
    private static final String PROJECT = "project_id";
    private static final int MAX_ATTEMPTS = 5;

    private final RetentionStore store;

    public SweepDeletedProject(RetentionStore store) {
        this.store = store;
    }

    /** The sweeps to queue for a project deleted at {@code deletedAt}. */
    public static List<NewJob> after(ProjectId project, Instant deletedAt) {
        // no project_id column: the project's own jobs are deleted with it, and these must outlive it
        return AFTER.stream().map(delay -> new NewJob(KIND, Optional.empty(), Map.of(PROJECT, project.value()),
                MAX_ATTEMPTS, deletedAt.plus(delay), Optional.empty())).toList();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> handle(Job job) {
        ProjectId project = JsonValues.number(job.payload(), PROJECT).map(BigDecimal::longValueExact)
                .map(ProjectId::new)
                .orElseThrow(() -> new PermanentJobFailure("job payload without a project_id"));
        return Map.of("steps_deleted", store.deleteStepsOfDeletedProject(project));
    }
}
