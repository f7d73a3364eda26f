package io.olyx.adapter.persistence;

import io.olyx.application.port.SkillRepository;
import io.olyx.domain.gateway.Skill;
import io.olyx.domain.gateway.SkillId;
import io.olyx.domain.project.ProjectId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class JdbiSkillRepository implements SkillRepository {
    private final SkillDao dao;
    private final JsonCodec json;

    JdbiSkillRepository(SkillDao dao, JsonCodec json) {
        this.dao = dao;
        this.json = json;
    }

    @Override
    public boolean insert(Skill skill) {
        return UniqueWrites.written(() -> dao.insert(row(skill)));
    }

    @Override
    public boolean update(Skill skill) {
        return UniqueWrites.written(() -> dao.update(row(skill)));
    }

    @Override
    public Optional<Skill> find(ProjectId project, SkillId id) {
        return dao.find(project.value(), id.value()).map(this::skill);
    }

    @Override
    public List<Skill> list(ProjectId project) {
        return dao.list(project.value()).stream().map(this::skill).toList();
    }

    @Override
    public boolean delete(ProjectId project, SkillId id) {
        return dao.delete(project.value(), id.value()) == 1;
    }

    @Override
    public int deleteAll(ProjectId project) {
        return dao.deleteAll(project.value());
    }

    private SkillDao.Row row(Skill s) {
        Skill.Definition d = s.definition();
        return new SkillDao.Row(s.id().value(), s.projectId().value(), d.slug(), d.description().orElse(null),
                d.instructions(), json.write(d.options()), Rows.utc(s.createdAt()));
    }

    private Skill skill(SkillDao.Row r) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("slug", r.slug());
        document.put("description", r.description());
        document.put("instructions", r.instructions());
        document.put("options", json.readObject(r.optionsJson()));
        return new Skill(new SkillId(r.id()), new ProjectId(r.projectId()), Skill.Definition.parse(document),
                r.createdAt().toInstant());
    }
}
