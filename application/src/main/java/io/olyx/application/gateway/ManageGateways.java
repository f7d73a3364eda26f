package io.olyx.application.gateway;

import io.olyx.application.model.ModelCatalog;
import io.olyx.application.port.GatewayRepository;
import io.olyx.application.port.IdGenerator;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.common.JsonMergePatch;
import io.olyx.domain.gateway.Gateway;
import io.olyx.domain.gateway.GatewayId;
import io.olyx.domain.gateway.GatewayParameters;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * /api/v1/ai-gateways: create, list (filtered by name, model, slug or id), view, edit (name, and parameters merged
 * as a JSON merge patch) and delete a project's gateways. Every model a gateway names must be registered in the
 * project, so a typo fails here rather than on the first call.
 */
public final class ManageGateways {
    private static final int SLUG_ID_CHARS = 4;
    private static final int FULL_ID_CHARS = 32;

    /** An edit's short slug was taken by another gateway: nothing was written, try again with the full id. */
    private static final Result SLUG_TAKEN = new Result.NotFound();

    private final GatewayRepository gateways;
    private final UnitOfWork unitOfWork;
    private final GatewayDirectory directory;
    private final ModelCatalog catalog;
    private final GatewayKeys keys;
    private final IdGenerator ids;
    private final Clock clock;

    public ManageGateways(GatewayRepository gateways, UnitOfWork unitOfWork, GatewayDirectory directory, ModelCatalog catalog,
                          GatewayKeys keys, IdGenerator ids, Clock clock) {
        this.gateways = gateways;
        this.unitOfWork = unitOfWork;
        this.directory = directory;
        this.catalog = catalog;
        this.keys = keys;
        this.ids = ids;
        this.clock = clock;
    }

    public sealed interface Result {
        record Saved(Gateway gateway) implements Result {
        }

        record UnknownModel(String modelName) implements Result {
        }

        record NotFound() implements Result {
        }
    }

    public Result create(ProjectId project, String name, Map<String, Object> parameters) {
        GatewayKeys.Sealed sealed = keys.seal(parameters, Optional.empty());
        GatewayParameters parsed = GatewayParameters.parse(sealed.document());
        Optional<String> unknown = unknownModel(project, parsed);
        if (unknown.isPresent()) {
            return new Result.UnknownModel(unknown.get());
        }
        GatewayId id = new GatewayId(ids.timeOrderedUuid());
        Instant now = clock.instant();
        String validName = Gateway.validName(name);
        for (int idChars = SLUG_ID_CHARS; idChars <= FULL_ID_CHARS; idChars *= 2) {
            Gateway gateway = new Gateway(id, project, validName, Gateway.slugFor(validName, id, idChars), parsed,
                    sealed.apiKey(), now, now);
            if (gateways.insert(gateway)) {
                directory.forget(project);
                return new Result.Saved(gateway);
            }
        }
        throw new IllegalStateException("no free slug for gateway " + id);
    }

    public List<Gateway> list(ProjectId project, Optional<String> filter) {
        String needle = filter.map(f -> f.toLowerCase(Locale.ROOT)).orElse("");
        return gateways.list(project).stream().filter(g -> needle.isEmpty()
                || g.name().toLowerCase(Locale.ROOT).contains(needle) || g.slug().contains(needle)
                || g.id().toString().contains(needle)
                || g.parameters().modelName().toLowerCase(Locale.ROOT).contains(needle)).toList();
    }

    public Optional<Gateway> get(ProjectId project, GatewayId id) {
        return gateways.find(project, id);
    }

    /**
     * Reads, merges and writes in one transaction with the gateway's row locked, so concurrent edits (on any node)
     * each merge into what the one before wrote. A short slug that another gateway took meanwhile is retried with
     * the full id, in a transaction of its own (PostgreSQL ends a transaction at a refused write).
     */
    public Result edit(ProjectId project, GatewayId id, Optional<String> name,
                       Optional<Map<String, Object>> parametersPatch) {
        Result result = unitOfWork.inTransaction(() -> edit(project, id, name, parametersPatch, SLUG_ID_CHARS));
        if (result == SLUG_TAKEN) {
            result = unitOfWork.inTransaction(() -> edit(project, id, name, parametersPatch, FULL_ID_CHARS));
        }
        directory.forget(project);
        return result;
    }

    private Result edit(ProjectId project, GatewayId id, Optional<String> name,
                        Optional<Map<String, Object>> parametersPatch, int slugIdChars) {
        Optional<Gateway> found = gateways.findForUpdate(project, id);
        if (found.isEmpty()) {
            return new Result.NotFound();
        }
        Gateway current = found.get();
        Map<String, Object> merged = parametersPatch.map(p -> JsonMergePatch.apply(current.parameters().document(), p))
                .orElse(current.parameters().document());
        GatewayKeys.Sealed sealed = keys.seal(merged, current.apiKey());
        GatewayParameters parsed = GatewayParameters.parse(sealed.document());
        Optional<String> unknown = unknownModel(project, parsed);
        if (unknown.isPresent()) {
            return new Result.UnknownModel(unknown.get());
        }
        String newName = name.map(Gateway::validName).orElse(current.name());
        String slug = newName.equals(current.name()) ? current.slug() : Gateway.slugFor(newName, id, slugIdChars);
        Gateway edited = current.edited(newName, slug, parsed, sealed.apiKey(), clock.instant());
        if (!gateways.update(edited)) {
            if (slugIdChars == FULL_ID_CHARS) {
                throw new IllegalStateException("no free slug for gateway " + id);
            }
            return SLUG_TAKEN;
        }
        return new Result.Saved(edited);
    }

    public boolean delete(ProjectId project, GatewayId id) {
        boolean deleted = gateways.delete(project, id);
        directory.forget(project);
        return deleted;
    }

    private Optional<String> unknownModel(ProjectId project, GatewayParameters parameters) {
        return parameters.modelNames().stream().sorted().filter(m -> catalog.find(project, m).isEmpty()).findFirst();
    }
}
