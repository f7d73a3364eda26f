package io.olyx.application.gateway;

import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.MemoryRepository;
import io.olyx.domain.gateway.BuiltinTools;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.MemoryId;
import io.olyx.domain.gateway.MemoryRequest;
import io.olyx.domain.llm.ToolCall;
import io.olyx.domain.llm.ToolDefinition;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The built-in memory tool, bound to the end user the request named: saves what the model asks it to. */
final class RememberTool implements ServerTool {
    /** How long a remembered fact lives; reminders live until a day after they are due. */
    static final Duration FACT_LIFETIME = Duration.ofDays(180);

    private final MemoryRepository memories;
    private final IdGenerator ids;
    private final Clock clock;
    private final ProjectId project;
    private final String externalUserId;

    RememberTool(MemoryRepository memories, IdGenerator ids, Clock clock, ProjectId project, String externalUserId) {
        this.memories = memories;
        this.ids = ids;
        this.clock = clock;
        this.project = project;
        this.externalUserId = externalUserId;
    }

    @Override
    public ToolDefinition definition() {
        return BuiltinTools.REMEMBER_TOOL;
    }

    @Override
    public Run run(ToolCall call) {
        Instant now = clock.instant();
        return switch (MemoryRequest.read(call.arguments(), now, FACT_LIFETIME)) {
            case MemoryRequest.Accepted accepted -> {
                Memory memory = new Memory(new MemoryId(ids.timeOrderedUuid()), project, externalUserId,
                        accepted.content(), accepted.format(), now, accepted.expiresAt());
                memories.insert(memory);
                yield new Run("Saved.", true, Map.of("memory_id", memory.id().toString()));
            }
            case MemoryRequest.Rejected rejected -> Run.failed(rejected.message(), Map.of("error",
                    "invalid_arguments"));
        };
    }
}
