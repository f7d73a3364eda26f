package io.olyx.application.insight;

import io.olyx.application.port.InsightStore;
import io.olyx.application.port.InsightStore.Status;
import io.olyx.application.port.InsightStore.Stored;
import io.olyx.application.port.JobQueue;
import io.olyx.application.port.ProjectRepository;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The insights endpoints (seed 001 "Insights"): list, dismiss, and refresh on demand. A refresh goes through the job
 * queue like the scheduled ones (so two refreshes of a project never run at once) and is awaited for a short while,
 * so a dashboard's refresh button usually gets the new list in the same response.
 */
public final class ManageInsights {
    static final Duration REFRESH_WAIT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 50;

    private final ProjectRepository projects;
    private final InsightStore store;
    private final JobQueue jobs;
    private final Runnable wakeWorker;
    private final Clock clock;

    public ManageInsights(ProjectRepository projects, InsightStore store, JobQueue jobs, Runnable wakeWorker,
                          Clock clock) {
        this.projects = projects;
        this.store = store;
        this.jobs = jobs;
        this.wakeWorker = wakeWorker;
        this.clock = clock;
    }

    /** Empty when the project does not exist. */
    public Optional<List<Stored>> list(ProjectId project, Optional<Status> status) {
        return projects.findById(project).map(p -> store.list(project, status));
    }

    public Optional<Stored> dismiss(ProjectId project, long insightId) {
        return store.dismiss(project, insightId, clock.instant());
    }

    /** Empty when the project does not exist. */
    public Optional<Refresh> refresh(ProjectId project) {
        if (projects.findById(project).isEmpty()) {
            return Optional.empty();
        }
        Job job = jobs.enqueue(RefreshInsights.request(project, clock.instant()), clock.instant());
        wakeWorker.run();
        Job seen = awaitEnd(job);
        if (seen.status() == JobStatus.SUCCEEDED) {
            return Optional.of(new Refresh.Done(store.list(project, Optional.of(Status.ACTIVE))));
        }
        return Optional.of(new Refresh.Pending(seen));
    }

    private Job awaitEnd(Job job) {
        Instant deadline = clock.instant().plus(REFRESH_WAIT);
        Job seen = job;
        while (!seen.status().isTerminal() && clock.instant().isBefore(deadline)) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return seen;
            }
            seen = jobs.find(job.id()).orElse(seen);
        }
        return seen;
    }

    public sealed interface Refresh {
        /** The refresh ran; the project's active insights after it. */
        record Done(List<Stored> active) implements Refresh {
        }

        /** Still queued or running (or failed) when the wait ended. */
        record Pending(Job job) implements Refresh {
        }
    }
}
