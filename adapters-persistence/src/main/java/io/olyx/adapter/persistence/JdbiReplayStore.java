package io.olyx.adapter.persistence;

import io.olyx.application.port.ReplayStore;
import io.olyx.domain.common.Characters;
import io.olyx.domain.insight.ReplayEvidence;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.replay.ReplayOverrides;
import io.olyx.domain.trace.TraceId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

final class JdbiReplayStore implements ReplayStore {
    private static final int MAX_ERROR_LENGTH = 2000;

    private final Jdbi jdbi;
    private final ReplayDao dao;
    private final JsonCodec json;
    private final ReplayResultCodec results;

    JdbiReplayStore(Jdbi jdbi, JsonCodec json) {
        this.jdbi = jdbi;
        this.dao = ForeignKeys.onDemand(jdbi, ReplayDao.class);
        this.json = json;
        this.results = new ReplayResultCodec(json);
    }

    @Override
    public void insert(Replay r) {
        dao.insert(new ReplayDao.Row(r.id(), r.projectId().value(), r.apiKeyId(), r.sourceTraceId().value(),
                json.write(r.overrides().toJson()), r.cacheKey(), r.jobId(), r.status().wire(),
                json.write(traceIds(r.replayTraces())), r.result().map(results::write).orElse(null),
                r.error().orElse(null), Rows.utc(r.createdAt()), r.finishedAt().map(Rows::utc).orElse(null)));
    }

    @Override
    public Optional<Replay> find(String id) {
        return dao.find(id).map(this::toReplay);
    }

    @Override
    public Optional<Replay> find(ProjectId project, String id) {
        return dao.find(project.value(), id).map(this::toReplay);
    }

    @Override
    public Optional<Replay> latest(ProjectId project, String cacheKey) {
        return dao.latest(project.value(), cacheKey).map(this::toReplay);
    }

    @Override
    public void markRunning(String id, Instant now) {
        dao.markRunning(id, Rows.utc(now));
    }

    @Override
    public void attachTrace(String id, String target, TraceId trace, Instant now) {
        jdbi.useTransaction(handle -> {
            ReplayDao tx = handle.attach(ReplayDao.class);
            ReplayDao.Row row = tx.find(id).orElseThrow(() -> new IllegalStateException("replay " + id));
            Map<String, Object> traces = new LinkedHashMap<>(json.readObject(row.replayTraces()));
            traces.put(target, trace.toString());
            tx.setReplayTraces(id, json.write(traces), Rows.utc(now));
        });
    }

    @Override
    public void complete(String id, Result result, Instant now) {
        dao.finish(id, Status.COMPLETED.wire(), results.write(result), null, Rows.utc(now));
    }

    @Override
    public void fail(String id, String error, Instant now) {
        String reason = Characters.truncate(error, MAX_ERROR_LENGTH);
        dao.finish(id, Status.FAILED.wire(), null, reason, Rows.utc(now));
    }

    @Override
    public List<ReplayEvidence> evidenceSince(ProjectId project, Instant since) {
        return dao.resultsSince(project.value(), Rows.utc(since)).stream()
                .flatMap(result -> results.evidence(result).stream()).toList();
    }

    @Override
    public int purgeFinishedBefore(Instant before) {
        return dao.purgeFinishedBefore(Rows.utc(before));
    }

    private Replay toReplay(ReplayDao.Row r) {
        Map<String, TraceId> traces = new LinkedHashMap<>();
        json.readObject(r.replayTraces()).forEach((target, id) -> traces.put(target,
                new TraceId(UUID.fromString((String) id))));
        return new Replay(r.id(), new ProjectId(r.projectId()), r.apiKeyId(), new TraceId(r.sourceTraceId()),
                ReplayOverrides.fromRequest(json.readObject(r.overrides())), r.cacheKey(), r.jobId(),
                Status.parse(r.status()).orElseThrow(() -> new IllegalStateException("status " + r.status())),
                traces, Optional.ofNullable(r.result()).map(results::read), Optional.ofNullable(r.error()),
                r.createdAt().toInstant(), Optional.ofNullable(r.finishedAt()).map(OffsetDateTime::toInstant));
    }

    private static Map<String, String> traceIds(Map<String, TraceId> traces) {
        Map<String, String> out = new LinkedHashMap<>();
        traces.forEach((target, id) -> out.put(target, id.toString()));
        return out;
    }
}
