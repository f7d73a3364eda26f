package io.olyx.adapter.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface StatsDao {
    /**
     * Every step column stats read: no payloads, no attempts (they read as an empty list), and the details only of
     * steps whose details can hold a key stats use (tools, tool_calls, loop_intervention); others read as empty, which
     * spares parsing the JSON of most steps when an open hour is rolled up live.
     */
    String LIGHT_STEP_COLUMNS = """
            id, trace_id, project_id, type, parent_step_id, api_key_id, model, provider, infrastructure, tier,
            prompt_tokens, completion_tokens, cached_tokens, tokens_estimated, cost, latency_ms, outcome,
            pii_detected, injection_attempt, secret_leaked, risk_score, CAST(NULL AS VARCHAR) AS input,
            CAST(NULL AS VARCHAR) AS output,
            CASE WHEN details LIKE '%"tool%' OR details LIKE '%"loop_intervention"%' THEN details ELSE '' END AS details,
            '[]' AS attempts, created_at, fingerprint, answers_tool_call""";
    /**
     * Traces completed in the period: revenue is earned, and a request counted, when its trace is completed (seed
     * 001 works out the margin then); a failed or canceled trace earned nothing and is no served request, though the
     * cost of its steps counts like every step's. Replay traces are never completed.
     */
    String ENDED_GRADED = """
            project_id = :projectId AND ended_at >= :from AND ended_at < :to AND summary IS NOT NULL
            AND status = 'completed'""";

    @SqlQuery("SELECT sealed_until FROM stats_watermarks WHERE project_id = :projectId")
    Optional<OffsetDateTime> sealedUntil(@Bind("projectId") long projectId);

    @SqlUpdate("""
            INSERT INTO stats_watermarks (project_id, sealed_until)
            SELECT :projectId, :until WHERE NOT EXISTS (SELECT 1 FROM stats_watermarks WHERE project_id = :projectId)""")
    int createWatermark(@Bind("projectId") long projectId, @Bind("until") OffsetDateTime until);

    @SqlUpdate("""
            UPDATE stats_watermarks SET sealed_until = :until
            WHERE project_id = :projectId AND sealed_until = :expected""")
    int moveWatermark(@Bind("projectId") long projectId, @Bind("expected") OffsetDateTime expected,
                      @Bind("until") OffsetDateTime until);

    @SqlUpdate("DELETE FROM stats_hourly_rollups WHERE project_id = :projectId AND hour_start >= :from AND hour_start < :to")
    int deleteRollups(@Bind("projectId") long projectId, @Bind("from") OffsetDateTime from,
                      @Bind("to") OffsetDateTime to);

    @SqlBatch("""
            INSERT INTO stats_hourly_rollups (project_id, hour_start, rollup, built_at)
            VALUES (:projectId, :hourStart, :rollup, :builtAt)""")
    void insertRollups(@Bind("projectId") long projectId, @Bind("hourStart") List<OffsetDateTime> hours,
                       @Bind("rollup") List<String> rollups, @Bind("builtAt") OffsetDateTime builtAt);

    @SqlQuery("""
            SELECT hour_start, rollup FROM stats_hourly_rollups
            WHERE project_id = :projectId AND hour_start >= :from AND hour_start < :to ORDER BY hour_start""")
    @RegisterConstructorMapper(StoredRollup.class)
    List<StoredRollup> rollups(@Bind("projectId") long projectId, @Bind("from") OffsetDateTime from,
                               @Bind("to") OffsetDateTime to);

    @SqlQuery("SELECT " + LIGHT_STEP_COLUMNS
            + " FROM steps WHERE project_id = :projectId AND created_at >= :from AND created_at < :to")
    @RegisterRowMapper(StepTable.Mapper.class)
    List<StepTable.Row> steps(@Bind("projectId") long projectId, @Bind("from") OffsetDateTime from,
                            @Bind("to") OffsetDateTime to);

    @SqlQuery("SELECT id, ended_at, summary FROM traces WHERE " + ENDED_GRADED)
    @RegisterConstructorMapper(EndedTrace.class)
    List<EndedTrace> endedTraces(@Bind("projectId") long projectId, @Bind("from") OffsetDateTime from,
                                 @Bind("to") OffsetDateTime to);

    @SqlQuery("SELECT * FROM steps WHERE project_id = :projectId AND type = 'log' AND trace_id IN "
            + "(SELECT id FROM traces WHERE " + ENDED_GRADED + ")")
    @RegisterRowMapper(StepTable.Mapper.class)
    List<StepTable.Row> logStepsOfEndedTraces(@Bind("projectId") long projectId, @Bind("from") OffsetDateTime from,
                                            @Bind("to") OffsetDateTime to);

    record StoredRollup(OffsetDateTime hourStart, String rollup) {
    }

    record EndedTrace(UUID id, OffsetDateTime endedAt, String summary) {
    }
}
