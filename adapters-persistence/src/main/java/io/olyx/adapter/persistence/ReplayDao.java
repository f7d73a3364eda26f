package io.olyx.adapter.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(ReplayDao.Row.class)
interface ReplayDao {
    @SqlUpdate("""
            INSERT INTO replays (id, project_id, api_key_id, source_trace_id, overrides, cache_key, job_id, status,
                replay_traces, result, error, created_at, updated_at, finished_at)
            VALUES (:id, :projectId, :apiKeyId, :sourceTraceId, :overrides, :cacheKey, :jobId, :status,
                :replayTraces, :result, :error, :createdAt, :createdAt, :finishedAt)""")
    void insert(@BindMethods Row row);

    @SqlQuery("SELECT * FROM replays WHERE id = :id")
    Optional<Row> find(@Bind("id") String id);

    @SqlQuery("SELECT * FROM replays WHERE project_id = :projectId AND id = :id")
    Optional<Row> find(@Bind("projectId") long projectId, @Bind("id") String id);

    @SqlQuery("""
            SELECT * FROM replays WHERE project_id = :projectId AND cache_key = :cacheKey
            ORDER BY created_at DESC, id DESC LIMIT 1""")
    Optional<Row> latest(@Bind("projectId") long projectId, @Bind("cacheKey") String cacheKey);

    @SqlUpdate("UPDATE replays SET status = 'running', updated_at = :now WHERE id = :id AND status IN ('queued', 'running')")
    int markRunning(@Bind("id") String id, @Bind("now") OffsetDateTime now);

    @SqlUpdate("UPDATE replays SET replay_traces = :replayTraces, updated_at = :now WHERE id = :id")
    int setReplayTraces(@Bind("id") String id, @Bind("replayTraces") String replayTraces,
                        @Bind("now") OffsetDateTime now);

    @SqlUpdate("""
            UPDATE replays SET status = :status, result = :result, error = :error, updated_at = :now,
                finished_at = :now
            WHERE id = :id""")
    int finish(@Bind("id") String id, @Bind("status") String status, @Bind("result") String result,
               @Bind("error") String error, @Bind("now") OffsetDateTime now);

    @SqlQuery("""
            SELECT result FROM replays
            WHERE project_id = :projectId AND status = 'completed' AND finished_at >= :since""")
    List<String> resultsSince(@Bind("projectId") long projectId, @Bind("since") OffsetDateTime since);

    @SqlUpdate("DELETE FROM replays WHERE finished_at < :before")
    int purgeFinishedBefore(@Bind("before") OffsetDateTime before);

    record Row(String id, long projectId, String apiKeyId, UUID sourceTraceId, String overrides, String cacheKey,
               long jobId, String status, String replayTraces, String result, String error, OffsetDateTime createdAt,
               OffsetDateTime finishedAt) {
    }
}
