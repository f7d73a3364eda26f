package io.olyx.application.port;

import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryFormat;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Memories the gateways' memory tool wrote. Reads only ever return memories not yet expired at {@code now}. */
public interface MemoryRepository {
    void insert(Memory memory);

    Optional<Memory> find(ProjectId project, MemoryId id, Instant now);

    /**
     * Newest first, at most {@code limit}; {@code filter} matches id, content or external user id (case-insensitive
     * substring).
     */
    List<Memory> list(ProjectId project, Optional<String> filter, Optional<MemoryFormat> format, Instant now,
                      int limit);

    /** One user's memories, newest first, at most {@code limit}: what a conversation is given back. */
    List<Memory> forUser(ProjectId project, String externalUserId, Instant now, int limit);

    boolean delete(ProjectId project, MemoryId id);

    int deleteForUser(ProjectId project, String externalUserId, MemoryFormat format);

    int purgeExpired(Instant now);
}
