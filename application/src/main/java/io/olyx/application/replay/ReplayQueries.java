package io.olyx.application.replay;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.idempotency.IdempotentRequests;
import io.olyx.application.port.JobQueue;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.ReplayStore.Replay;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * GET /api/v1/replay/:job_id. A finished replay's status is kept for {@link #KEPT_AFTER_FINISH}; an unfinished one
 * reports its job's end when the job gave up (retries used, or the job is gone).
 */
public final class ReplayQueries {
    static final String LOST = "The replay job was lost before it finished";
    /**
     * As long as an Idempotency-Key retry may still hand out the job's id (seed 002: retry with the same key), so
     * that id never answers 404. Longer than the one-hour result cache, which only decides whether a new identical
     * replay runs again.
     */
    public static final Duration KEPT_AFTER_FINISH = IdempotentRequests.RETENTION;

    private final ReplayStore store;
    private final JobQueue jobs;
    private final Clock clock;

    public ReplayQueries(ReplayStore store, JobQueue jobs, Clock clock) {
        this.store = store;
        this.jobs = jobs;
        this.clock = clock;
    }

    public Optional<Replay> find(KeyCaller caller, String id) {
        Instant now = clock.instant();
        return store.find(caller.projectId(), id)
                .filter(r -> r.finishedAt().map(at -> at.plus(KEPT_AFTER_FINISH).isAfter(now)).orElse(true))
                .map(this::withJobOutcome);
    }

    private Replay withJobOutcome(Replay replay) {
        if (replay.status().finished()) {
            return replay;
        }
        Optional<Job> job = jobs.find(replay.jobId());
        if (job.isPresent() && job.get().status() != JobStatus.FAILED) {
            return replay;
        }
        String error = job.flatMap(Job::lastError).orElse(LOST);
        return new Replay(replay.id(), replay.projectId(), replay.apiKeyId(), replay.sourceTraceId(),
                replay.overrides(), replay.cacheKey(), replay.jobId(), ReplayStore.Status.FAILED,
                replay.replayTraces(), Optional.empty(), Optional.of(error), replay.createdAt(),
                job.map(Job::updatedAt));
    }
}
