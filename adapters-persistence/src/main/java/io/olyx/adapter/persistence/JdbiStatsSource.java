package io.olyx.adapter.persistence;

import io.olyx.application.port.StatsSource;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.stats.GradedTrace;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceSummary;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads stats facts by the steps' and traces' time indexes, leaving payloads unread. */
final class JdbiStatsSource implements StatsSource {
    private final StatsDao dao;
    private final StepRows rows;
    private final JsonCodec json;

    JdbiStatsSource(StatsDao dao, StepRows rows, JsonCodec json) {
        this.dao = dao;
        this.rows = rows;
        this.json = json;
    }

    @Override
    public List<Step> steps(ProjectId project, Instant from, Instant to) {
        return dao.steps(project.value(), Rows.utc(from), Rows.utc(to)).stream().map(rows::toStep).toList();
    }

    @Override
    public List<EndedTrace> endedTraces(ProjectId project, Instant from, Instant to) {
        Map<TraceId, List<Step>> logs = dao.logStepsOfEndedTraces(project.value(), Rows.utc(from), Rows.utc(to))
                .stream().map(rows::toStep).collect(Collectors.groupingBy(Step::traceId));
        return dao.endedTraces(project.value(), Rows.utc(from), Rows.utc(to)).stream()
                .map(t -> new EndedTrace(t.endedAt().toInstant(), GradedTrace.of(json.read(t.summary(),
                        TraceSummary.class), logs.getOrDefault(new TraceId(t.id()), List.of()))))
                .toList();
    }
}
