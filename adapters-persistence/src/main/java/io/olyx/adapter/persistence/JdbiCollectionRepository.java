package io.olyx.adapter.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.olyx.application.port.CollectionRepository;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.util.List;
import java.util.Optional;

final class JdbiCollectionRepository implements CollectionRepository {
    static final TypeReference<List<String>> TAGS = new TypeReference<>() {
    };
    private static final CollectionDao.Mapper ROWS = new CollectionDao.Mapper();

    private final CollectionDao dao;
    private final HotPath hotPath;
    private final JsonCodec json;

    JdbiCollectionRepository(CollectionDao dao, HotPath hotPath, JsonCodec json) {
        this.dao = dao;
        this.hotPath = hotPath;
        this.json = json;
    }

    @Override
    public void insert(KnowledgeCollection c) {
        dao.insert(c.id().value(), c.projectId().value(), c.details().name(), c.details().context().orElse(null),
                json.write(c.details().tags()), Rows.utc(c.createdAt()), Rows.utc(c.updatedAt()));
    }

    @Override
    public void update(KnowledgeCollection c) {
        dao.update(c.id().value(), c.projectId().value(), c.details().name(), c.details().context().orElse(null),
                json.write(c.details().tags()), Rows.utc(c.updatedAt()));
    }

    /** Runs on every search and every document call: plain JDBC (see HotPath). */
    @Override
    public Optional<KnowledgeCollection> find(ProjectId projectId, CollectionId id) {
        return hotPath.one("SELECT * FROM rag_collections WHERE id = ? AND project_id = ?", ROWS, id.value(),
                projectId.value()).map(this::toCollection);
    }

    @Override
    public Optional<KnowledgeCollection> findAny(CollectionId id) {
        return dao.findAny(id.value()).map(this::toCollection);
    }

    @Override
    public List<KnowledgeCollection> list(ProjectId projectId) {
        return dao.list(projectId.value()).stream().map(this::toCollection).toList();
    }

    @Override
    public List<KnowledgeCollection> listAll() {
        return dao.listAll().stream().map(this::toCollection).toList();
    }

    @Override
    public boolean delete(ProjectId projectId, CollectionId id) {
        return dao.delete(projectId.value(), id.value()) > 0;
    }

    private KnowledgeCollection toCollection(CollectionDao.Row r) {
        return new KnowledgeCollection(new CollectionId(r.id()), new ProjectId(r.projectId()),
                new KnowledgeCollection.Details(r.name(), Optional.ofNullable(r.context()), json.read(r.tags(), TAGS)),
                r.createdAt(), r.updatedAt());
    }
}
