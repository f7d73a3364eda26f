package io.olyx.adapter.persistence;

import java.time.OffsetDateTime;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

@RegisterRowMapper(TraceDao.Mapper.class)
interface CompletedTracesDao {
    @SqlQuery("""
            SELECT * FROM traces
            WHERE project_id = :projectId AND status = 'completed' AND summary IS NOT NULL
              AND ended_at >= :from AND ended_at < :to
            ORDER BY ended_at DESC, id DESC LIMIT :limit""")
    List<TraceDao.Row> endedBetween(@Bind("projectId") long projectId, @Bind("from") OffsetDateTime from,
                                    @Bind("to") OffsetDateTime to, @Bind("limit") int limit);
}
