package io.olyx.application.retention;

import io.olyx.application.jobs.JobHandler;
import io.olyx.application.port.JobQueue;
import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.RetentionStore;
import io.olyx.application.replay.ReplayQueries;
import io.olyx.application.stats.SealRollups;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.project.Project;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The scheduled retention purge. Per project: seals the stats rollups first (so the stats of purged periods
 * survive), clears step payloads older than {@code retention.payload_days} and, per model, older than the model's
 * {@code data_retention_days}, then deletes traces older than {@code retention.trace_days} with their steps, and the
 * steps older than that whose trace is gone: a call still running into a trace when an earlier purge deleted it
 * records its step afterwards, and steps have no foreign key to take it away. That step started after its trace was
 * created, so it falls under the cutoff {@code trace_days} after its own start, and a later purge removes it.
 * Replays finished more than {@link #REPLAY_KEEP} ago are dropped (their traces follow the trace rule), and so are
 * jobs that ended more than {@link #JOB_KEEP} ago: their results are only of interest while someone is watching.
 * Both outlast {@link ReplayQueries#KEPT_AFTER_FINISH}, so a replay job id still handed out is still answered.
 */
public final class PurgeExpiredData implements JobHandler {
    public static final String KIND = "retention.purge";
    static final Duration REPLAY_KEEP = Duration.ofDays(30);
    static final Duration JOB_KEEP = Duration.ofDays(7);

    private final ProjectRepository projects;
    private final ModelRepository models;
    private final RetentionStore store;
    private final ReplayStore replays;
    private final JobQueue jobs;
    private final SealRollups rollups;
    private final Clock clock;

    public PurgeExpiredData(ProjectRepository projects, ModelRepository models, RetentionStore store,
                            ReplayStore replays, JobQueue jobs, SealRollups rollups, Clock clock) {
        this.projects = projects;
        this.models = models;
        this.store = store;
        this.replays = replays;
        this.jobs = jobs;
        this.rollups = rollups;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Map<String, Object> handle(Job job) {
        long payloads = 0;
        long traces = 0;
        long orphanSteps = 0;
        for (Project project : projects.list()) {
            Purged purged = purge(project);
            payloads += purged.payloads();
            traces += purged.traces();
            orphanSteps += purged.orphanSteps();
        }
        int replayed = replays.purgeFinishedBefore(clock.instant().minus(REPLAY_KEEP));
        int finishedJobs = jobs.purgeFinished(clock.instant().minus(JOB_KEEP));
        return Map.of("payloads_cleared", payloads, "traces_deleted", traces, "orphan_steps_deleted", orphanSteps,
                "replays_deleted", replayed, "jobs_deleted", finishedJobs);
    }

    public Purged purge(Project project) {
        rollups.seal(project);
        Instant now = clock.instant();
        RetentionPolicy policy = RetentionPolicy.of(project.settings());
        long payloads = policy.payloads().map(keep -> store.clearPayloads(project.id(), now.minus(keep),
                Optional.empty())).orElse(0L);
        for (ModelDefinition model : models.list(project.id())) {
            if (model.dataRetentionDays() > 0) {
                payloads += store.clearPayloads(project.id(), now.minus(Duration.ofDays(model.dataRetentionDays())),
                        Optional.of(model.identifier()));
            }
        }
        long traces = 0;
        long orphans = 0;
        if (policy.traces().isPresent()) {
            Instant cutoff = now.minus(policy.traces().get());
            traces = store.deleteTraces(project.id(), cutoff);
            orphans = store.deleteOrphanSteps(project.id(), cutoff);
        }
        return new Purged(payloads, traces, orphans);
    }

    public record Purged(long payloads, long traces, long orphanSteps) {
    }
}
