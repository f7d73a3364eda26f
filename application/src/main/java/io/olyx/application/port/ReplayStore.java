package io.olyx.application.port;

import io.olyx.domain.insight.ReplayEvidence;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.replay.ReplayComparison;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.trace.TraceId;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Replay jobs as clients see them (seed 001 "Replay", seed 002 "Replay Lifecycle"), with what they produced. */
public interface ReplayStore {
    void insert(Replay replay);

    /** By id in any project: the job handler's view. */
    Optional<Replay> find(String id);

    /** By id within one project: another project's replay is indistinguishable from a missing one. */
    Optional<Replay> find(ProjectId project, String id);

    /** The newest replay of the project under this cache key. */
    Optional<Replay> latest(ProjectId project, String cacheKey);

    void markRunning(String id, Instant now);

    /** Remembers the replay trace recording one target, so a resumed job continues it instead of starting over. */
    void attachTrace(String id, String target, TraceId trace, Instant now);

    void complete(String id, Result result, Instant now);

    void fail(String id, String error, Instant now);

    /** What the project's replays finished since {@code since} showed, for the insight rules. */
    List<ReplayEvidence> evidenceSince(ProjectId project, Instant since);

    /** Removes replays finished before {@code before}; returns how many. */
    int purgeFinishedBefore(Instant before);

    enum Status {
        QUEUED, RUNNING, COMPLETED, FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Status> parse(String wire) {
            return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
        }

        public boolean finished() {
            return this == COMPLETED || this == FAILED;
        }
    }

    /**
     * @param id            the opaque hex job id clients poll with
     * @param apiKeyId      the key that queued the replay: its project, policies and spend cap apply to the re-run
     * @param jobId         the durable job that runs it
     * @param replayTraces  target (a model, or {@code source} for a plain re-run) → the trace recording it
     * @param result        once completed
     */
    record Replay(String id, ProjectId projectId, String apiKeyId, TraceId sourceTraceId, ReplayOverrides overrides,
                  String cacheKey, long jobId, Status status, Map<String, TraceId> replayTraces,
                  Optional<Result> result, Optional<String> error, Instant createdAt,
                  Optional<Instant> finishedAt) {
        public Replay {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(projectId, "projectId");
            Objects.requireNonNull(apiKeyId, "apiKeyId");
            Objects.requireNonNull(sourceTraceId, "sourceTraceId");
            Objects.requireNonNull(overrides, "overrides");
            Objects.requireNonNull(cacheKey, "cacheKey");
            Objects.requireNonNull(status, "status");
            replayTraces = Map.copyOf(replayTraces);
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(createdAt, "createdAt");
            Objects.requireNonNull(finishedAt, "finishedAt");
        }
    }

    /**
     * What a completed replay produced.
     *
     * @param skippedSteps target → how many run steps max_cost skipped
     * @param evidence     one entry per replayed model, for the insight rules
     */
    record Result(ReplayComparison comparison, Map<String, Long> skippedSteps, List<ReplayEvidence> evidence) {
        public Result {
            Objects.requireNonNull(comparison, "comparison");
            skippedSteps = Map.copyOf(skippedSteps);
            evidence = List.copyOf(evidence);
        }
    }
}
