package io.olyx.adapter.persistence;

import io.olyx.application.port.ApiKeyRepository;
import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.keys.ApiKeyId;
import io.olyx.domain.keys.KeyStatus;
import io.olyx.domain.project.ProjectId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

final class JdbiApiKeyRepository implements ApiKeyRepository {
    private final ApiKeyDao dao;

    JdbiApiKeyRepository(ApiKeyDao dao) {
        this.dao = dao;
    }

    @Override
    public void insert(ApiKey k) {
        dao.insert(k.id().value(), k.projectId().value(), k.name(), k.secretHash(), k.masked(), k.status().wire(),
                k.hourlyLimit().orElse(null), k.expiresAt().map(Rows::utc).orElse(null), Rows.utc(k.createdAt()));
    }

    @Override
    public void update(ApiKey k) {
        dao.update(k.id().value(), k.name(), k.status().wire(), k.hourlyLimit().orElse(null),
                k.expiresAt().map(Rows::utc).orElse(null));
    }

    @Override
    public Optional<ApiKey> findById(ApiKeyId id) {
        return dao.findById(id.value()).map(JdbiApiKeyRepository::toKey);
    }

    @Override
    public Optional<ApiKey> findForUpdate(ApiKeyId id) {
        return dao.findForUpdate(id.value()).map(JdbiApiKeyRepository::toKey);
    }

    @Override
    public List<ApiKey> list(Optional<ProjectId> project) {
        return dao.list(project.map(ProjectId::value).orElse(null)).stream().map(JdbiApiKeyRepository::toKey)
                .toList();
    }

    @Override
    public boolean compareAndSetStatus(ApiKeyId id, KeyStatus expected, KeyStatus next) {
        return dao.compareAndSetStatus(id.value(), expected.wire(), next.wire()) == 1;
    }

    @Override
    public void incrementLoopInterventions(ApiKeyId id) {
        dao.incrementLoopInterventions(id.value());
    }

    @Override
    public void touchLastUsed(Collection<LastUse> uses) {
        if (!uses.isEmpty()) {
            dao.touchLastUsed(uses.stream().map(u -> u.id().value()).toList(),
                    uses.stream().map(u -> Rows.utc(u.at())).toList());
        }
    }

    private static ApiKey toKey(ApiKeyDao.Row r) {
        return new ApiKey(new ApiKeyId(r.id()), r.name(), new ProjectId(r.projectId()), r.secretHash(), r.masked(),
                KeyStatus.parse(r.status()).orElseThrow(() -> new IllegalStateException("status " + r.status())),
                r.hourlyLimit(), r.expiresAt(), r.loopInterventionCount(), r.lastUsed(), r.createdAt());
    }
}
