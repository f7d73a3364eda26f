package io.olyx.application.gateway;

import io.olyx.application.port.MemoryRepository;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryFormat;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** /api/v1/memories: what the gateways' memory tool has written for the project's users, and deleting it. */
public final class ManageMemories {
    public static final int LIST_LIMIT = 1000;

    private final MemoryRepository memories;
    private final Clock clock;

    public ManageMemories(MemoryRepository memories, Clock clock) {
        this.memories = memories;
        this.clock = clock;
    }

    public List<Memory> list(ProjectId project, Optional<String> filter, Optional<MemoryFormat> format) {
        return memories.list(project, filter, format, clock.instant(), LIST_LIMIT);
    }

    public Optional<Memory> get(ProjectId project, MemoryId id) {
        return memories.find(project, id, clock.instant());
    }

    public boolean delete(ProjectId project, MemoryId id) {
        return memories.delete(project, id);
    }

    public int deleteForUser(ProjectId project, String externalUserId, MemoryFormat format) {
        return memories.deleteForUser(project, externalUserId, format);
    }

    /** Housekeeping: expired memories are never read, this removes them. */
    public int purgeExpired() {
        return memories.purgeExpired(clock.instant());
    }
}
