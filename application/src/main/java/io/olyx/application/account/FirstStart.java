package io.olyx.application.account;

import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.ProjectRepository;
import io.olyx.application.port.UnitOfWork;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.model.Pricing;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What a brand-new installation needs to answer its first request: an owner to log in with, and a "Default" project
 * whose every routing tier points at the offline sandbox model, so a key created there works with no provider account.
 */
public final class FirstStart {
    public static final String SANDBOX_MODEL = "sandbox";

    private final EnsureOwner ensureOwner;
    private final ProjectRepository projects;
    private final ModelRepository models;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    public FirstStart(EnsureOwner ensureOwner, ProjectRepository projects, ModelRepository models,
                      UnitOfWork unitOfWork, Clock clock) {
        this.ensureOwner = ensureOwner;
        this.projects = projects;
        this.models = models;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    /** The owner's login key when this start created the installation; empty on every later start. */
    public Optional<String> run(Optional<String> presetOwnerLoginKey) {
        return unitOfWork.inTransaction(() -> {
            Optional<String> loginKey = ensureOwner.ensure(presetOwnerLoginKey);
            if (loginKey.isPresent() && projects.list().isEmpty()) {
                createDefaultProject();
            }
            return loginKey;
        });
    }

    private void createDefaultProject() {
        Instant now = clock.instant();
        Project project = projects.insert("Default", "Created on first start; answers offline through the sandbox",
                new ProjectSettings(Map.of("routing_tiers",
                        Map.of("simple", SANDBOX_MODEL, "complex", SANDBOX_MODEL, "secure", SANDBOX_MODEL))), now);
        models.insert(new ModelDefinition(models.nextId(), project.id(), "Sandbox (offline, deterministic)",
                SANDBOX_MODEL, ProviderKind.SANDBOX, Optional.empty(), Optional.empty(), false, Pricing.free(), 30,
                null, "USD", Map.of("infrastructure", "sandbox"), now, now));
    }
}
