package io.olyx.application.port;

import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.SkillId;
import io.olyx.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

/** A project's skills. Slugs are unique within a project; writes report a taken slug instead of throwing. */
public interface SkillRepository {
    boolean insert(Skill skill);

    boolean update(Skill skill);

    Optional<Skill> find(ProjectId project, SkillId id);

    /** Oldest first. */
    List<Skill> list(ProjectId project);

    boolean delete(ProjectId project, SkillId id);

    int deleteAll(ProjectId project);
}
