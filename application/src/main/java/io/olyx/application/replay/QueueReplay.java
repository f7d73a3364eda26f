package io.olyx.application.replay;

import io.olyx.application.access.KeyCaller;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.JobQueue;
import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ReplayStore;
import io.olyx.application.port.ReplayStore.Replay;
import io.olyx.application.port.TraceRepository;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.jobs.Job;
import io.olyx.domain.jobs.JobStatus;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.replay.ReplayCacheKey;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * POST /api/v1/replay: answers from the one-hour result cache when the same trace was replayed with the same
 * overrides (seed 001 "Fast path vs slow path"), joins an identical replay still in flight, and otherwise queues a
 * durable replay job under a fresh opaque hex id.
 */
public final class QueueReplay {
    static final int ID_BYTES = 8;

    private final TraceRepository traces;
    private final ModelRepository models;
    private final ReplayStore store;
    private final JobQueue jobs;
    private final UnitOfWork unitOfWork;
    private final IdGenerator ids;
    private final Runnable wakeWorker;
    private final Clock clock;

    public QueueReplay(TraceRepository traces, ModelRepository models, ReplayStore store, JobQueue jobs,
                       UnitOfWork unitOfWork, IdGenerator ids, Runnable wakeWorker, Clock clock) {
        this.traces = traces;
        this.models = models;
        this.store = store;
        this.jobs = jobs;
        this.unitOfWork = unitOfWork;
        this.ids = ids;
        this.wakeWorker = wakeWorker;
        this.clock = clock;
    }

    public Result queue(KeyCaller caller, TraceId source, ReplayOverrides overrides) {
        Set<String> registered = models.list(caller.projectId()).stream().map(ModelDefinition::identifier)
                .collect(Collectors.toSet());
        List<String> unknown = overrides.referencedModels().stream().filter(m -> !registered.contains(m)).toList();
        String cacheKey = ReplayCacheKey.of(source, overrides).value();
        Result result = unitOfWork.inTransaction(() -> {
            // Identical requests (from this node or another) would each find no replay and each queue one. Holding
            // the source trace's row until commit makes them take turns, and each sees the replay the one before
            // it queued, so the check and the insert below happen as one step.
            Optional<Trace> trace = traces.findLocked(caller.projectId(), source);
            if (trace.isEmpty()) {
                return new Result.TraceNotFound();
            }
            if (!unknown.isEmpty()) {
                return new Result.UnknownModels(unknown);
            }
            // Seed 002 replays work that has finished: a pending trace may still take steps, which neither its replay
            // nor that replay's hour in the cache would show, so the cached comparison would speak of another trace.
            if (trace.get().status() == TraceStatus.PENDING) {
                return new Result.SourcePending();
            }
            return joinOrQueue(caller, trace.get(), overrides, cacheKey);
        });
        if (result instanceof Result.Queued) {
            // Also for a joined job: the spare wake-up costs the worker one empty poll.
            wakeWorker.run();
        }
        return result;
    }

    private Result joinOrQueue(KeyCaller caller, Trace source, ReplayOverrides overrides, String cacheKey) {
        Instant now = clock.instant();
        Optional<Replay> latest = store.latest(caller.projectId(), cacheKey);
        if (latest.isPresent() && cached(latest.get(), now) && showsAsItIs(latest.get(), source)) {
            return new Result.Cached(latest.get());
        }
        if (latest.isPresent() && inFlight(latest.get())) {
            return new Result.Queued(latest.get());
        }
        String id = ids.randomHex(ID_BYTES);
        Job job = jobs.enqueue(RunReplay.job(caller.projectId(), id, now), now);
        Replay queued = new Replay(id, caller.projectId(), caller.key().id().value(), source.id(), overrides,
                cacheKey, job.id(), ReplayStore.Status.QUEUED, Map.of(), Optional.empty(), Optional.empty(), now,
                Optional.empty());
        store.insert(queued);
        return new Result.Queued(queued);
    }

    private static boolean cached(Replay replay, Instant now) {
        return replay.status() == ReplayStore.Status.COMPLETED
                && replay.finishedAt().filter(at -> at.plus(ReplayCacheKey.TTL).isAfter(now)).isPresent();
    }

    /**
     * A step that landed in the source since its replay (a call admitted while it was pending, a log with a rating)
     * revises its summary; the cached comparison then speaks of the trace as it was, so the replay runs again.
     */
    private static boolean showsAsItIs(Replay replay, Trace source) {
        return replay.result().map(result -> result.comparison().source())
                .flatMap(side -> source.summary().map(side::shows)).orElse(false);
    }

    private boolean inFlight(Replay replay) {
        return !replay.status().finished()
                && jobs.find(replay.jobId()).filter(job -> job.status() != JobStatus.FAILED).isPresent();
    }

    public sealed interface Result {
        /** A new job (202), or the identical one already queued or running. */
        record Queued(Replay replay) implements Result {
        }

        /** The same trace and overrides completed within the last hour (200). */
        record Cached(Replay replay) implements Result {
        }

        record TraceNotFound() implements Result {
        }

        /** The source trace is still pending: it is replayed once completed, failed or canceled. */
        record SourcePending() implements Result {
        }

        record UnknownModels(List<String> models) implements Result {
        }
    }
}
