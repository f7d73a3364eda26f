package io.olyx.bootstrap;

import io.javalin.Javalin;
import io.olyx.adapter.http.Authenticator;
import io.olyx.adapter.http.Idempotency;
import io.olyx.adapter.http.insight.InsightRoutes;
import io.olyx.adapter.http.replay.ReplayRoutes;
import io.olyx.adapter.http.stats.StatsRoutes;
import io.olyx.adapter.persistence.Database;
import io.olyx.application.insight.ManageInsights;
import io.olyx.application.insight.RefreshInsights;
import io.olyx.application.jobs.JobHandler;
import io.olyx.application.pipeline.ModelCallPipeline;
import io.olyx.application.port.JobQueue;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.replay.QueueReplay;
import io.olyx.application.replay.ReplayQueries;
import io.olyx.application.replay.RunReplay;
import io.olyx.application.retention.PurgeExpiredData;
import io.olyx.application.stats.SealRollups;
import io.olyx.application.stats.StatsQuery;
import io.olyx.application.trace.TraceGrading;
import io.olyx.domain.jobs.NewJob;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The observability part of the wiring (stats with their hourly rollups, insights, replays, retention): its routes,
 * its job handlers for the one shared worker, and the schedules that enqueue its periodic jobs.
 */
final class Observability {
    static final Duration ROLLUP_EVERY = Duration.ofMinutes(5);
    static final Duration INSIGHTS_EVERY = Duration.ofHours(1);
    static final Duration RETENTION_EVERY = Duration.ofHours(1);

    private final ProjectRepository projects;
    private final JobQueue jobs;
    private final Clock clock;
    private final SealRollups sealRollups;
    private final List<Consumer<Javalin>> routes;
    private final List<JobHandler> handlers;

    Observability(Database database, ModelCallPipeline pipeline, TraceGrading grading, Authenticator auth,
                  Idempotency idempotency, Runnable wakeWorker, Clock clock) {
        this.projects = database.projects();
        this.jobs = database.jobs();
        this.clock = clock;
        this.sealRollups = new SealRollups(projects, database.statsRollups(), database.statsSource(), clock);
        this.routes = List.of(
                new StatsRoutes(new StatsQuery(projects, database.statsRollups(), database.statsSource(), clock),
                        auth)::register,
                new InsightRoutes(new ManageInsights(projects, database.insights(), jobs, wakeWorker, clock),
                        auth)::register,
                new ReplayRoutes(new QueueReplay(database.traces(), database.models(), database.replays(), jobs,
                        database.unitOfWork(), database.ids(), wakeWorker, clock),
                        new ReplayQueries(database.replays(), jobs, clock), auth, idempotency)::register);
        this.handlers = List.of(sealRollups,
                new RefreshInsights(projects, database.models(), database.completedTraces(), database.steps(),
                        database.replays(), database.insights(), clock),
                new RunReplay(database.replays(), database.traces(), database.steps(), database.models(),
                        database.apiKeys(), projects, pipeline, grading, database.ids(), clock),
                new PurgeExpiredData(projects, database.models(), database.retention(), database.replays(),
                        jobs, sealRollups, clock));
    }

    List<Consumer<Javalin>> routes() {
        return routes;
    }

    List<JobHandler> jobHandlers() {
        return handlers;
    }

    /** {@code guarded} runs a task so that a failure is logged and the schedule goes on. */
    void schedule(ScheduledExecutorService scheduler, Consumer<Runnable> guarded) {
        every(scheduler, guarded, Duration.ofSeconds(30), ROLLUP_EVERY, () -> enqueueOnce(SealRollups.KIND));
        every(scheduler, guarded, Duration.ofMinutes(2), INSIGHTS_EVERY, this::refreshInsights);
        every(scheduler, guarded, Duration.ofMinutes(5), RETENTION_EVERY, () -> enqueueOnce(PurgeExpiredData.KIND));
    }

    /** A periodic run over every project; while one is queued or running, another is not added. */
    private void enqueueOnce(String kind) {
        jobs.enqueue(new NewJob(kind, Optional.empty(), Map.of(), 1, clock.instant(), Optional.of(kind)),
                clock.instant());
    }

    private void refreshInsights() {
        for (Project project : projects.list()) {
            if (project.status() == ProjectStatus.ACTIVE) {
                jobs.enqueue(RefreshInsights.request(project.id(), clock.instant()), clock.instant());
            }
        }
    }

    private static void every(ScheduledExecutorService scheduler, Consumer<Runnable> guarded, Duration first,
                              Duration period, Runnable task) {
        scheduler.scheduleWithFixedDelay(() -> guarded.accept(task), first.toSeconds(), period.toSeconds(),
                TimeUnit.SECONDS);
    }
}
