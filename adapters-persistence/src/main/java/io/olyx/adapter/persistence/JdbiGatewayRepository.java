package io.olyx.adapter.persistence;

import io.olyx.application.port.GatewayRepository;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayId;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.model.SealedSecret;
import io.olyx.domain.project.ProjectId;
import java.util.List;
import java.util.Optional;

final class JdbiGatewayRepository implements GatewayRepository {
    private final GatewayDao dao;
    private final JsonCodec json;

    JdbiGatewayRepository(GatewayDao dao, JsonCodec json) {
        this.dao = dao;
        this.json = json;
    }

    @Override
    public boolean insert(Gateway gateway) {
        return UniqueWrites.written(() -> dao.insert(row(gateway)));
    }

    @Override
    public boolean update(Gateway gateway) {
        return UniqueWrites.written(() -> dao.update(row(gateway)));
    }

    @Override
    public Optional<Gateway> find(ProjectId project, GatewayId id) {
        return dao.find(project.value(), id.value()).map(this::gateway);
    }

    @Override
    public Optional<Gateway> findForUpdate(ProjectId project, GatewayId id) {
        return dao.findForUpdate(project.value(), id.value()).map(this::gateway);
    }

    @Override
    public List<Gateway> list(ProjectId project) {
        return dao.list(project.value()).stream().map(this::gateway).toList();
    }

    @Override
    public boolean delete(ProjectId project, GatewayId id) {
        return dao.delete(project.value(), id.value()) == 1;
    }

    private GatewayDao.Row row(Gateway g) {
        return new GatewayDao.Row(g.id().value(), g.projectId().value(), g.name(), g.slug(),
                json.write(g.parameters().document()), g.apiKey().map(SealedSecret::ciphertext).orElse(null),
                Rows.utc(g.createdAt()), Rows.utc(g.updatedAt()));
    }

    private Gateway gateway(GatewayDao.Row r) {
        return new Gateway(new GatewayId(r.id()), new ProjectId(r.projectId()), r.name(), r.slug(),
                GatewayParameters.parse(json.readObject(r.parametersJson())),
                Optional.ofNullable(r.apiKeySealed()).map(SealedSecret::new), r.createdAt().toInstant(),
                r.updatedAt().toInstant());
    }
}
