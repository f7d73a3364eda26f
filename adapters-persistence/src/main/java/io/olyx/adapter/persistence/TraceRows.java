package io.olyx.adapter.persistence;

import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.Trace;
import io.olyx.domain.trace.TraceId;
import io.olyx.domain.trace.TraceStatus;
import io.olyx.domain.trace.TraceSummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Maps traces to and from their table row, and inserts one with plain JDBC: a call that names no trace writes its
 * trace in the same transaction as its step (see {@link GroupCommitStepRecorder}).
 */
final class TraceRows {
    static final String INSERT = """
            INSERT INTO traces (id, project_id, status, metadata, revenue, local_ref, distribution_channel, replay_of,
                created_at, ended_at, summary, summary_steps)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JsonCodec json;

    TraceRows(JsonCodec json) {
        this.json = json;
    }

    TraceDao.Row toRow(Trace t) {
        return new TraceDao.Row(t.id().value(), t.projectId().value(), t.status().wire(), json.write(t.metadata()),
                t.revenue().orElse(null), t.localRef().orElse(null), t.distributionChannel(),
                t.replayOf().map(TraceId::value).orElse(null), Rows.utc(t.createdAt()),
                t.endedAt().map(Rows::utc).orElse(null), t.summary().map(json::write).orElse(null),
                t.summary().map(TraceSummary::stepCount).orElse(null));
    }

    Trace toTrace(TraceDao.Row r) {
        return new Trace(new TraceId(r.id()), new ProjectId(r.projectId()),
                TraceStatus.parse(r.status()).orElseThrow(() -> new IllegalStateException("status " + r.status())),
                json.readObject(r.metadata()), Optional.ofNullable(r.revenue()), Optional.ofNullable(r.localRef()),
                r.distributionChannel(), Optional.ofNullable(r.replayOf()).map(TraceId::new),
                r.createdAt().toInstant(), TraceDao.instant(r.endedAt()),
                Optional.ofNullable(r.summary()).map(s -> json.read(s, TraceSummary.class)));
    }

    static void insert(Connection connection, TraceDao.Row row) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
            bind(statement, row);
            statement.executeUpdate();
        }
    }

    static void bind(PreparedStatement s, TraceDao.Row r) throws SQLException {
        s.setObject(1, r.id());
        s.setLong(2, r.projectId());
        s.setString(3, r.status());
        s.setString(4, r.metadata());
        s.setBigDecimal(5, r.revenue());
        s.setString(6, r.localRef());
        s.setString(7, r.distributionChannel());
        s.setObject(8, r.replayOf());
        s.setObject(9, r.createdAt());
        s.setObject(10, r.endedAt());
        s.setString(11, r.summary());
        s.setObject(12, r.summarySteps());
    }
}
