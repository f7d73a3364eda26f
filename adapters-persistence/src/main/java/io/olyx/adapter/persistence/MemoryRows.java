package io.olyx.adapter.persistence;

import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryFormat;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.project.ProjectId;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** The memories table's one row mapping, shared by the Jdbi queries and the hot-path read. */
final class MemoryRows implements RowMapper<Memory> {
    static final String COLUMNS = "id, project_id, external_user_id, content, memory_format, created_at, expires_at";

    @Override
    public Memory map(ResultSet rs, StatementContext ctx) throws SQLException {
        String format = rs.getString("memory_format");
        return new Memory(new MemoryId(Rows.uuid(rs, "id")), new ProjectId(rs.getLong("project_id")),
                rs.getString("external_user_id"), rs.getString("content"), MemoryFormat.parse(format)
                .orElseThrow(() -> new IllegalStateException("memory format " + format)),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "expires_at"));
    }
}
