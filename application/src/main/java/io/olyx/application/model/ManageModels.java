package io.olyx.application.model;

import io.olyx.application.access.Auditor;
import io.olyx.application.access.RequestOrigin;
import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.SecretCipher;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import io.olyx.domain.audit.AuditEventType;
import io.olyx.domain.model.ModelChanges;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.ModelId;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.model.ProviderKey;
import io.olyx.domain.model.SealedSecret;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The model registry of a project (seed 001, "Model Registry"). Provider keys are sealed before they are stored. */
public final class ManageModels {
    public static final int DEFAULT_RETENTION_DAYS = 30;

    private final ModelRepository models;
    private final ModelCatalog catalog;
    private final ProjectRepository projects;
    private final SecretCipher cipher;
    private final UnitOfWork unitOfWork;
    private final Auditor auditor;
    private final Clock clock;

    public ManageModels(ModelRepository models, ModelCatalog catalog, ProjectRepository projects, SecretCipher cipher,
                        UnitOfWork unitOfWork, Auditor auditor, Clock clock) {
        this.models = models;
        this.catalog = catalog;
        this.projects = projects;
        this.cipher = cipher;
        this.unitOfWork = unitOfWork;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Optional<List<ModelDefinition>> list(ProjectId project) {
        return projects.findById(project).map(p -> models.list(project));
    }

    public Optional<ModelDefinition> get(ProjectId project, ModelId id) {
        return models.findById(project, id);
    }

    public Result register(ProjectId project, ModelDraft draft, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return new Result.Forbidden();
        }
        Instant now = clock.instant();
        ModelDefinition candidate = new ModelDefinition(models.nextId(), project,
                draft.name().orElse(null), draft.identifier(), draft.provider(), draft.baseUrl(),
                draft.apiKey().flatMap(this::seal), draft.isPublic().orElse(true),
                new Pricing(draft.inputCostPer1k().orElse(BigDecimal.ZERO),
                        draft.outputCostPer1k().orElse(BigDecimal.ZERO)),
                draft.dataRetentionDays().orElse(DEFAULT_RETENTION_DAYS), draft.regionRestriction().orElse(null),
                draft.currency().orElse(null), draft.additionalConfig().orElse(Map.of()), now, now)
                .validatedForSaving();
        Result result = unitOfWork.inTransaction(() -> {
            if (projects.findById(project).isEmpty()) {
                return new Result.NotFound();
            }
            if (models.findByIdentifier(project, candidate.identifier()).isPresent()) {
                return new Result.DuplicateIdentifier(candidate.identifier());
            }
            if (!models.insert(candidate)) {
                return new Result.DuplicateIdentifier(candidate.identifier());
            }
            return new Result.Saved(candidate);
        });
        audit(result, AuditEventType.MODEL_CREATED, actor, project, origin);
        return result;
    }

    public Result update(ProjectId project, ModelId id, ModelChanges changes, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return new Result.Forbidden();
        }
        Result result = unitOfWork.inTransaction(() -> {
            Optional<ModelDefinition> found = models.findForUpdate(project, id);
            if (found.isEmpty()) {
                return new Result.NotFound();
            }
            ModelDefinition current = found.get();
            ModelDefinition updated = current.updated(sameKeyLeftOut(changes, current), clock.instant())
                    .validatedForSaving();
            if (updated == current) {
                return new Result.Saved(current, false);
            }
            if (!updated.identifier().equals(found.get().identifier())
                    && models.findByIdentifier(project, updated.identifier()).isPresent()) {
                return new Result.DuplicateIdentifier(updated.identifier());
            }
            if (!models.update(updated)) {
                return new Result.DuplicateIdentifier(updated.identifier());
            }
            return new Result.Saved(updated);
        });
        audit(result, AuditEventType.MODEL_UPDATED, actor, project, origin);
        return result;
    }

    public Result remove(ProjectId project, ModelId id, Account actor, RequestOrigin origin) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            return new Result.Forbidden();
        }
        Optional<ModelDefinition> found = models.findById(project, id);
        if (found.isEmpty() || !models.delete(project, id)) {
            return new Result.NotFound();
        }
        Result result = new Result.Saved(found.get());
        audit(result, AuditEventType.MODEL_DELETED, actor, project, origin);
        return result;
    }

    /**
     * Sealing draws a fresh nonce, so the stored key sent again would read as a change; it is left out instead.
     */
    private ModelChanges sameKeyLeftOut(ModelChanges changes, ModelDefinition current) {
        Optional<SealedSecret> sent = changes.apiKey().flatMap(key -> key);
        boolean same = sent.isPresent() && current.apiKey().isPresent()
                && cipher.open(sent.get()).equals(cipher.open(current.apiKey().get()));
        return same ? changes.withoutApiKey() : changes;
    }

    /** Seals a plain provider key for a PATCH; blank clears the stored key. */
    public Optional<SealedSecret> seal(String plainKey) {
        if (plainKey == null || plainKey.isBlank()) {
            return Optional.empty();
        }
        ProviderKey.validate(plainKey, "api_key");
        return Optional.of(cipher.seal(plainKey));
    }

    private void audit(Result result, AuditEventType type, Account actor, ProjectId project, RequestOrigin origin) {
        // only a change is audited: a PATCH that changes nothing leaves no trace, as for keys
        if (result instanceof Result.Saved saved && saved.changed()) {
            catalog.forget(project);
            auditor.record(type, Optional.of(actor.id().toString()), Optional.of(project.value()), origin,
                    Map.of("identifier", saved.model().identifier()));
        }
    }

    public sealed interface Result {
        /** {@code changed} is false when the model already was as asked. */
        record Saved(ModelDefinition model, boolean changed) implements Result {
            public Saved(ModelDefinition model) {
                this(model, true);
            }
        }

        record NotFound() implements Result {
        }

        record DuplicateIdentifier(String identifier) implements Result {
        }

        record Forbidden() implements Result {
        }
    }
}
