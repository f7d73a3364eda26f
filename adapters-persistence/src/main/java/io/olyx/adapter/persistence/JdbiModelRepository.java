package io.olyx.adapter.persistence;

import io.olyx.application.port.ModelRepository;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.ModelId;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.model.SealedSecret;
import io.olyx.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

final class JdbiModelRepository implements ModelRepository {
    private final ModelDao dao;
    private final JsonCodec json;

    JdbiModelRepository(ModelDao dao, JsonCodec json) {
        this.dao = dao;
        this.json = json;
    }

    @Override
    public ModelId nextId() {
        return new ModelId(dao.nextId());
    }

    @Override
    public boolean insert(ModelDefinition model) {
        return UniqueWrites.written(() -> dao.insert(toRow(model)));
    }

    @Override
    public boolean update(ModelDefinition model) {
        return UniqueWrites.written(() -> dao.update(toRow(model)));
    }

    @Override
    public Optional<ModelDefinition> findById(ProjectId project, ModelId id) {
        return dao.findById(project.value(), id.value()).map(this::toModel);
    }

    @Override
    public Optional<ModelDefinition> findForUpdate(ProjectId project, ModelId id) {
        return dao.findForUpdate(project.value(), id.value()).map(this::toModel);
    }

    @Override
    public Optional<ModelDefinition> findByIdentifier(ProjectId project, String identifier) {
        return dao.findByIdentifier(project.value(), identifier).map(this::toModel);
    }

    @Override
    public List<ModelDefinition> list(ProjectId project) {
        return dao.list(project.value()).stream().map(this::toModel).toList();
    }

    @Override
    public boolean delete(ProjectId project, ModelId id) {
        return dao.delete(project.value(), id.value()) == 1;
    }

    private ModelDao.Row toRow(ModelDefinition m) {
        return new ModelDao.Row(m.id().value(), m.projectId().value(), m.name(), m.identifier(), m.provider().wire(),
                m.baseUrl().orElse(null), m.apiKey().map(SealedSecret::ciphertext).orElse(null), m.isPublic(),
                m.pricing().inputPer1k(), m.pricing().outputPer1k(), m.dataRetentionDays(), m.regionRestriction(),
                m.currency(), json.write(m.additionalConfig()), Rows.utc(m.createdAt()), Rows.utc(m.updatedAt()));
    }

    private ModelDefinition toModel(ModelDao.Row r) {
        return new ModelDefinition(new ModelId(r.id()), new ProjectId(r.projectId()), r.name(), r.identifier(),
                ProviderKind.parse(r.provider()).orElseThrow(() -> new IllegalStateException("provider " + r.provider())),
                Optional.ofNullable(r.baseUrl()), Optional.ofNullable(r.apiKeySealed()).map(SealedSecret::new),
                r.isPublic(), new Pricing(r.inputCostPer1k(), r.outputCostPer1k()), r.dataRetentionDays(),
                r.regionRestriction(), r.currency(), json.readObject(r.additionalConfig()),
                r.createdAt().toInstant(), r.updatedAt().toInstant());
    }
}
