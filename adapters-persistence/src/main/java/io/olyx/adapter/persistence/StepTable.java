package io.olyx.adapter.persistence;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** The steps table's row and its mapping (statements live in StepRows: they are on the hot path). */
interface StepTable {
    /** @param answersToolCall the tool call a caller's answer is for (unique under its parent step), else null */
    record Row(long id, UUID traceId, long projectId, String type, Long parentStepId, String apiKeyId, String model,
               String provider, String infrastructure, String tier, long promptTokens, long completionTokens,
               long cachedTokens, boolean tokensEstimated, BigDecimal cost, double latencyMs, String outcome,
               boolean piiDetected, boolean injectionAttempt, boolean secretLeaked, double riskScore, String input,
               String output, String details, String attempts, OffsetDateTime createdAt, String fingerprint,
               String answersToolCall) {
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
                    rs.getObject("created_at", OffsetDateTime.class), rs.getString("fingerprint"),
                    rs.getString("answers_tool_call"));
        }
    }
}
