package io.olyx.application.gateway;

import io.olyx.application.port.MemoryRepository;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.gateway.KnowledgePassage;
import io.olyx.domain.gateway.Memory;
import io.olyx.domain.gateway.RemoteSource;
import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.SystemPrompt;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds a gateway call's system prompt: the gateway's instructions and instruction sources, each enabled skill
 * (inline instructions and its sources), the end user's memories, and the retrieved passages. Sources that fail
 * are listed for the step's details instead of failing the call.
 */
final class PromptAssembly {
    /** Memories fed back by default; includeAllMemoryContext raises it to {@link #ALL_MEMORIES}. */
    static final int RECENT_MEMORIES = 20;
    static final int ALL_MEMORIES = 500;

    private final RemoteTexts texts;
    private final MemoryRepository memories;
    private final Clock clock;

    PromptAssembly(RemoteTexts texts, MemoryRepository memories, Clock clock) {
        this.texts = texts;
        this.memories = memories;
        this.clock = clock;
    }

    record Assembled(String text, List<Memory> memories, List<String> problems) {
    }

    Assembled assemble(Gateway gateway, List<Skill> skills, Optional<String> externalUserId,
                       List<KnowledgePassage> passages) {
        GatewayParameters p = gateway.parameters();
        List<String> problems = new ArrayList<>();
        SystemPrompt prompt = new SystemPrompt();
        p.systemInstruction().ifPresent(prompt::instructions);
        p.instructionSources().forEach(source -> fetch(source, problems).ifPresent(prompt::instructions));
        for (Skill skill : skills) {
            StringBuilder text = new StringBuilder(skill.definition().instructions());
            skill.definition().instructionSources().forEach(source -> fetch(source, problems)
                    .ifPresent(t -> text.append("\n\n").append(t)));
            prompt.skill(skill.slug(), text.toString());
        }
        List<Memory> remembered = externalUserId.map(user -> memories(gateway.projectId(), user,
                p.includeAllMemoryContext())).orElse(List.of());
        prompt.memories(remembered).knowledge(passages, p.knowledge().useReferences());
        return new Assembled(prompt.text(), remembered, problems);
    }

    private List<Memory> memories(ProjectId project, String user, boolean all) {
        return memories.forUser(project, user, clock.instant(), all ? ALL_MEMORIES : RECENT_MEMORIES);
    }

    private Optional<String> fetch(RemoteSource source, List<String> problems) {
        RemoteTexts.Fetched fetched = texts.fetch(source);
        fetched.problem().ifPresent(problems::add);
        return fetched.text();
    }
}
