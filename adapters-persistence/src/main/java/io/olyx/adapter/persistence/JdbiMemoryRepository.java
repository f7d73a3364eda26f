package io.olyx.adapter.persistence;

import io.olyx.application.port.MemoryRepository;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryFormat;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Memories. The one read on the model-call path (a user's memories, when a gateway call names its end user) goes
 * through plain JDBC; the management reads and writes through Jdbi.
 */
final class JdbiMemoryRepository implements MemoryRepository {
    private static final MemoryRows MAPPER = new MemoryRows();
    private static final String FOR_USER = "SELECT " + MemoryRows.COLUMNS + " FROM memories"
            + " WHERE project_id = ? AND external_user_id = ? AND expires_at > ? ORDER BY created_at DESC, id"
            + " FETCH FIRST ? ROWS ONLY";

    private final Jdbi jdbi;
    private final HotPath hotPath;

    JdbiMemoryRepository(Jdbi jdbi, HotPath hotPath) {
        this.jdbi = jdbi;
        this.hotPath = hotPath;
    }

    @Override
    public void insert(Memory m) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO memories (" + MemoryRows.COLUMNS + ") VALUES (:id, "
                        + ":projectId, :user, :content, :format, :createdAt, :expiresAt)")
                .bind("id", m.id().value()).bind("projectId", m.projectId().value()).bind("user", m.externalUserId())
                .bind("content", m.content()).bind("format", m.format().toString())
                .bind("createdAt", Rows.utc(m.createdAt())).bind("expiresAt", Rows.utc(m.expiresAt())).execute());
    }

    @Override
    public Optional<Memory> find(ProjectId project, MemoryId id, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + MemoryRows.COLUMNS + " FROM memories WHERE "
                        + "project_id = :projectId AND id = :id AND expires_at > :now")
                .bind("projectId", project.value()).bind("id", id.value()).bind("now", Rows.utc(now))
                .map(MAPPER).findOne());
    }

    @Override
    public List<Memory> list(ProjectId project, Optional<String> filter, Optional<MemoryFormat> format, Instant now,
                             int limit) {
        String sql = "SELECT " + MemoryRows.COLUMNS + " FROM memories WHERE project_id = :projectId"
                + " AND expires_at > :now"
                + (format.isPresent() ? " AND memory_format = :format" : "")
                + (filter.isPresent() ? " AND (LOWER(content) LIKE :pattern ESCAPE '!' OR LOWER(external_user_id)"
                + " LIKE :pattern ESCAPE '!' OR CAST(id AS VARCHAR(36)) LIKE :pattern ESCAPE '!')" : "")
                + " ORDER BY created_at DESC, id FETCH FIRST :limit ROWS ONLY";
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql).bind("projectId", project.value()).bind("now", Rows.utc(now))
                    .bind("limit", limit);
            format.ifPresent(f -> query.bind("format", f.toString()));
            filter.ifPresent(f -> query.bind("pattern", "%" + f.toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%"));
            return query.map(MAPPER).list();
        });
    }

    @Override
    public List<Memory> forUser(ProjectId project, String externalUserId, Instant now, int limit) {
        return hotPath.list(FOR_USER, MAPPER, project.value(), externalUserId, Rows.utc(now), limit);
    }

    @Override
    public boolean delete(ProjectId project, MemoryId id) {
        return update("DELETE FROM memories WHERE project_id = :projectId AND id = :id", project, "id",
                id.value()) == 1;
    }

    @Override
    public int deleteForUser(ProjectId project, String externalUserId, MemoryFormat format) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM memories WHERE project_id = :projectId AND "
                        + "external_user_id = :user AND memory_format = :format").bind("projectId", project.value())
                .bind("user", externalUserId).bind("format", format.toString()).execute());
    }

    @Override
    public int purgeExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM memories WHERE expires_at <= :now")
                .bind("now", Rows.utc(now)).execute());
    }

    private int update(String sql, ProjectId project, String name, Object value) {
        return jdbi.withHandle(h -> h.createUpdate(sql).bind("projectId", project.value()).bind(name, value)
                .execute());
    }
}
