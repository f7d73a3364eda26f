package io.olyx.application.rag;

import io.olyx.application.port.CollectionRepository;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.rag.CollectionId;
import io.olyx.domain.rag.KnowledgeCollection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

final class InMemoryCollections implements CollectionRepository {
    private final Map<CollectionId, KnowledgeCollection> rows = new LinkedHashMap<>();

    @Override
    public synchronized void insert(KnowledgeCollection collection) {
        rows.put(collection.id(), collection);
    }

    @Override
    public synchronized void update(KnowledgeCollection collection) {
        rows.put(collection.id(), collection);
    }

    @Override
    public synchronized Optional<KnowledgeCollection> find(ProjectId projectId, CollectionId id) {
        return findAny(id).filter(c -> c.projectId().equals(projectId));
    }

    @Override
    public synchronized Optional<KnowledgeCollection> findAny(CollectionId id) {
        return Optional.ofNullable(rows.get(id));
    }

    @Override
    public synchronized List<KnowledgeCollection> list(ProjectId projectId) {
        return rows.values().stream().filter(c -> c.projectId().equals(projectId)).toList();
    }

    @Override
    public synchronized List<KnowledgeCollection> listAll() {
        return List.copyOf(rows.values());
    }

    @Override
    public synchronized boolean delete(ProjectId projectId, CollectionId id) {
        return find(projectId, id).map(c -> rows.remove(id) != null).orElse(false);
    }
}
