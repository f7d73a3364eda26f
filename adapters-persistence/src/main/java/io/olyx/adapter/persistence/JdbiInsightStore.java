package io.olyx.adapter.persistence;

import io.olyx.application.port.InsightStore;
import io.olyx.domain.insight.Insight;
import io.olyx.domain.insight.InsightType;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Insights keyed by (project, type:intent); a refresh is applied in one transaction. */
final class JdbiInsightStore implements InsightStore {
    private final Jdbi jdbi;
    private final InsightDao dao;
    private final JsonCodec json;

    JdbiInsightStore(Jdbi jdbi, JsonCodec json) {
        this.jdbi = jdbi;
        this.dao = ForeignKeys.onDemand(jdbi, InsightDao.class);
        this.json = json;
    }

    @Override
    public List<Stored> list(ProjectId project, Optional<Status> status) {
        return dao.list(project.value(), status.map(Status::wire).orElse(null)).stream().map(this::toStored).toList();
    }

    @Override
    public void apply(ProjectId project, List<Insight> derived, Instant now) {
        OffsetDateTime at = Rows.utc(now);
        jdbi.useTransaction(handle -> {
            InsightDao tx = handle.attach(InsightDao.class);
            Map<String, InsightDao.Row> stored = tx.list(project.value(), null).stream()
                    .collect(Collectors.toMap(InsightDao.Row::dedupKey, Function.identity()));
            Set<String> kept = new HashSet<>();
            for (Insight insight : derived) {
                kept.add(insight.dedupKey());
                InsightDao.Row row = stored.get(insight.dedupKey());
                if (row == null) {
                    tx.insert(new InsightDao.Row(null, project.value(), insight.type().wire(), insight.intent(),
                            insight.dedupKey(), Status.ACTIVE.wire(), json.write(insight.data()),
                            insight.estimatedSavingsUsd(), at, at));
                } else {
                    String status = row.status().equals(Status.DISMISSED.wire()) ? row.status() : Status.ACTIVE.wire();
                    tx.update(row.id(), status, json.write(insight.data()), insight.estimatedSavingsUsd(), at);
                }
            }
            stored.values().stream()
                    .filter(row -> row.status().equals(Status.ACTIVE.wire()) && !kept.contains(row.dedupKey()))
                    .forEach(row -> tx.setStatus(project.value(), row.id(), Status.RESOLVED.wire(), at));
        });
    }

    @Override
    public Optional<Stored> dismiss(ProjectId project, long id, Instant now) {
        if (dao.setStatus(project.value(), id, Status.DISMISSED.wire(), Rows.utc(now)) == 0) {
            return Optional.empty();
        }
        return dao.find(project.value(), id).map(this::toStored);
    }

    private Stored toStored(InsightDao.Row r) {
        InsightType type = InsightType.parse(r.insightType())
                .orElseThrow(() -> new IllegalStateException("insight type " + r.insightType()));
        Status status = Status.parse(r.status()).orElseThrow(() -> new IllegalStateException("status " + r.status()));
        return new Stored(r.id(), new Insight(type, r.intent(), json.readObject(r.data()), r.estimatedSavingsUsd()),
                status, r.createdAt().toInstant(), r.updatedAt().toInstant());
    }
}
