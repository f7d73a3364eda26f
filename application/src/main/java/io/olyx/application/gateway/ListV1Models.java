package io.olyx.application.gateway;

import io.olyx.application.model.ModelCatalog;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GET /v1/models: what a /v1 chat completion may name: the project's registered models, then its gateways. */
public final class ListV1Models {
    private final ModelCatalog catalog;
    private final GatewayDirectory directory;

    public ListV1Models(ModelCatalog catalog, GatewayDirectory directory) {
        this.catalog = catalog;
        this.directory = directory;
    }

    /** @param id a model's registry identifier, or a gateway's id */
    public record Entry(String id, Instant created, boolean gateway) {
    }

    public List<Entry> list(ProjectId project) {
        List<Entry> entries = new ArrayList<>();
        catalog.all(project).stream().sorted(Comparator.comparing(m -> m.identifier()))
                .forEach(m -> entries.add(new Entry(m.identifier(), m.createdAt(), false)));
        directory.all(project).stream().sorted(Comparator.comparing(g -> g.createdAt()))
                .forEach(g -> entries.add(new Entry(g.id().toString(), g.createdAt(), true)));
        return entries;
    }
}
