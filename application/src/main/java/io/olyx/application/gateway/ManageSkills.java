package io.olyx.application.gateway;

import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.SkillRepository;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.SkillId;
import io.olyx.domain.llm.JsonText;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /api/v1/skills: a project's skills by id, plus the management endpoints: clear, JSONL import (a line whose slug
 * exists updates that skill; a line that is not a valid skill is skipped and counted) and JSONL export.
 */
public final class ManageSkills {
    private final SkillRepository skills;
    private final GatewayDirectory directory;
    private final IdGenerator ids;
    private final Clock clock;

    public ManageSkills(SkillRepository skills, GatewayDirectory directory, IdGenerator ids, Clock clock) {
        this.skills = skills;
        this.directory = directory;
        this.ids = ids;
        this.clock = clock;
    }

    public sealed interface Result {
        record Saved(Skill skill) implements Result {
        }

        record SlugTaken(String slug) implements Result {
        }

        record NotFound() implements Result {
        }
    }

    public record Imported(int enqueued, int skipped) {
    }

    public Result create(ProjectId project, Map<String, Object> document) {
        Skill skill = new Skill(new SkillId(ids.timeOrderedUuid()), project, Skill.Definition.parse(document),
                clock.instant());
        return saved(project, skills.insert(skill), skill);
    }

    public Result update(ProjectId project, SkillId id, Map<String, Object> document) {
        Optional<Skill> current = skills.find(project, id);
        if (current.isEmpty()) {
            return new Result.NotFound();
        }
        Skill skill = new Skill(id, project, Skill.Definition.parse(document), current.get().createdAt());
        return saved(project, skills.update(skill), skill);
    }

    public Optional<Skill> get(ProjectId project, SkillId id) {
        return skills.find(project, id);
    }

    public List<Skill> list(ProjectId project) {
        return skills.list(project);
    }

    public boolean delete(ProjectId project, SkillId id) {
        boolean deleted = skills.delete(project, id);
        directory.forget(project);
        return deleted;
    }

    public int clear(ProjectId project) {
        int deleted = skills.deleteAll(project);
        directory.forget(project);
        return deleted;
    }

    public Imported importLines(ProjectId project, String jsonl) {
        Map<String, Skill> bySlug = new LinkedHashMap<>();
        skills.list(project).forEach(s -> bySlug.put(s.slug(), s));
        int enqueued = 0;
        int skipped = 0;
        for (String line : jsonl.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<Skill.Definition> definition = definition(line);
            if (definition.isEmpty()) {
                skipped++;
                continue;
            }
            Skill existing = bySlug.get(definition.get().slug());
            Skill skill = existing == null
                    ? new Skill(new SkillId(ids.timeOrderedUuid()), project, definition.get(), clock.instant())
                    : new Skill(existing.id(), project, definition.get(), existing.createdAt());
            boolean written = existing == null ? skills.insert(skill) : skills.update(skill);
            if (written) {
                bySlug.put(skill.slug(), skill);
                enqueued++;
            } else {
                skipped++;
            }
        }
        directory.forget(project);
        return new Imported(enqueued, skipped);
    }

    public String export(ProjectId project) {
        StringBuilder out = new StringBuilder();
        for (Skill skill : skills.list(project)) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("slug", skill.slug());
            line.put("description", skill.definition().description().orElse(null));
            line.put("instructions", skill.definition().instructions());
            line.put("options", skill.definition().options());
            out.append(JsonText.write(line)).append('\n');
        }
        return out.toString();
    }

    private Result saved(ProjectId project, boolean written, Skill skill) {
        if (!written) {
            return new Result.SlugTaken(skill.slug());
        }
        directory.forget(project);
        return new Result.Saved(skill);
    }

    private static Optional<Skill.Definition> definition(String line) {
        try {
            return JsonText.parseObject(line.strip()).map(Skill.Definition::parse);
        } catch (InvalidInput invalid) {
            return Optional.empty();
        }
    }
}
