package io.olyx.adapter.persistence;

import io.olyx.application.port.ProjectRepository;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.project.ProjectSettings;
import io.olyx.domain.project.ProjectStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

final class JdbiProjectRepository implements ProjectRepository {
    private final ProjectDao dao;
    private final JsonCodec json;

    JdbiProjectRepository(ProjectDao dao, JsonCodec json) {
        this.dao = dao;
        this.json = json;
    }

    @Override
    public Project insert(String name, String description, ProjectSettings settings, Instant now) {
        long id = dao.insert(name, description, json.write(settings.values()), Rows.utc(now));
        return new Project(new ProjectId(id), name, description, ProjectStatus.ACTIVE, settings, now, now);
    }

    @Override
    public void update(Project p) {
        dao.update(p.id().value(), p.name(), p.description(), p.status().wire(), json.write(p.settings().values()),
                Rows.utc(p.updatedAt()));
    }

    @Override
    public Optional<Project> findById(ProjectId id) {
        return dao.findById(id.value()).map(this::toProject);
    }

    @Override
    public Optional<Project> findForUpdate(ProjectId id) {
        return dao.findForUpdate(id.value()).map(this::toProject);
    }

    @Override
    public List<Project> list() {
        return dao.list().stream().map(this::toProject).toList();
    }

    @Override
    public void deleteWithData(ProjectId id) {
        dao.deleteSteps(id.value());
        dao.deleteJobs(id.value());
        dao.delete(id.value());
    }

    @Override
    public Map<ProjectId, BigDecimal> spendSince(Instant since) {
        return dao.spendSince(Rows.utc(since)).stream()
                .collect(Collectors.toMap(s -> new ProjectId(s.projectId()), ProjectDao.Spend::amount));
    }

    private Project toProject(ProjectDao.Row r) {
        return new Project(new ProjectId(r.id()), r.name(), r.description(),
                ProjectStatus.parse(r.status()).orElseThrow(() -> new IllegalStateException("status " + r.status())),
                new ProjectSettings(json.readObject(r.settings())), r.createdAt(), r.updatedAt());
    }
}
