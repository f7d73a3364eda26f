package io.olyx.adapter.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterRowMapper(StepDao.Mapper.class)
interface StepDao {
    @SqlBatch("""
            INSERT INTO steps (id, trace_id, project_id, type, parent_step_id, api_key_id, model, provider,
                infrastructure, tier, prompt_tokens, completion_tokens, cached_tokens, tokens_estimated, cost,
                latency_ms, outcome, pii_detected, injection_attempt, secret_leaked, risk_score, input, output,
                details, attempts, created_at, fingerprint)
            VALUES (:id, :traceId, :projectId, :type, :parentStepId, :apiKeyId, :model, :provider,
                :infrastructure, :tier, :promptTokens, :completionTokens, :cachedTokens, :tokensEstimated, :cost,
                :latencyMs, :outcome, :piiDetected, :injectionAttempt, :secretLeaked, :riskScore, :input, :output,
                :details, :attempts, :createdAt, :fingerprint)""")
    void insertAll(@BindMethods List<Row> rows);

    @SqlQuery("SELECT * FROM steps WHERE project_id = :projectId AND trace_id = :traceId ORDER BY id")
    List<Row> listByTrace(@Bind("projectId") long projectId, @Bind("traceId") UUID traceId);

    @SqlQuery("SELECT * FROM steps WHERE project_id = :projectId AND id = :id")
    Optional<Row> find(@Bind("projectId") long projectId, @Bind("id") long id);

    record Row(long id, UUID traceId, long projectId, String type, Long parentStepId, String apiKeyId, String model,
               String provider, String infrastructure, String tier, long promptTokens, long completionTokens,
               long cachedTokens, boolean tokensEstimated, BigDecimal cost, double latencyMs, String outcome,
               boolean piiDetected, boolean injectionAttempt, boolean secretLeaked, double riskScore, String input,
               String output, String details, String attempts, OffsetDateTime createdAt, String fingerprint) {
    }

    final class Mapper implements RowMapper<Row> {
        @Override
        public Row map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new Row(rs.getLong("id"), Rows.uuid(rs, "trace_id"), rs.getLong("project_id"),
                    rs.getString("type"), Rows.optionalLong(rs, "parent_step_id").orElse(null),
                    rs.getString("api_key_id"), rs.getString("model"), rs.getString("provider"),
                    rs.getString("infrastructure"), rs.getString("tier"), rs.getLong("prompt_tokens"),
                    rs.getLong("completion_tokens"), rs.getLong("cached_tokens"), rs.getBoolean("tokens_estimated"),
                    rs.getBigDecimal("cost"), rs.getDouble("latency_ms"), rs.getString("outcome"),
                    rs.getBoolean("pii_detected"), rs.getBoolean("injection_attempt"), rs.getBoolean("secret_leaked"),
                    rs.getDouble("risk_score"), rs.getString("input"), rs.getString("output"),
                    rs.getString("details"), rs.getString("attempts"),
                    rs.getObject("created_at", OffsetDateTime.class), rs.getString("fingerprint"));
        }
    }
}
