package io.olyx.application.model;

import io.olyx.application.cache.ExpiringCache;
import io.olyx.application.port.ModelRepository;
import io.olyx.application.port.SecretCipher;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.model.ModelDefinition;
import io.olyx.domain.project.ProjectId;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model registry as the hot path reads it: per project, cached for a few seconds with the provider keys already
 * decrypted into endpoints. Registry changes on this node evict at once; other nodes' changes show within the TTL.
 */
public final class ModelCatalog {
    private final ModelRepository models;
    private final SecretCipher cipher;
    private final ExpiringCache<ProjectId, Entry> cache;

    public ModelCatalog(ModelRepository models, SecretCipher cipher, Clock clock, Duration timeToLive) {
        this.models = models;
        this.cipher = cipher;
        this.cache = new ExpiringCache<>(clock, timeToLive);
    }

    public Optional<ModelDefinition> find(ProjectId project, String identifier) {
        return Optional.ofNullable(entry(project).byIdentifier().get(identifier));
    }

    public List<ModelDefinition> all(ProjectId project) {
        return List.copyOf(entry(project).byIdentifier().values());
    }

    /** Where and how to call the model: the sealed provider key opened here, never earlier. */
    public ModelEndpoint endpoint(ModelDefinition model) {
        return entry(model.projectId()).endpoints().computeIfAbsent(model.identifier(), id -> ModelEndpoint.of(
                model.provider(), model.providerModel(), model.baseUrl(), model.apiKey().map(cipher::open),
                model.additionalConfig()));
    }

    public void forget(ProjectId project) {
        cache.forget(project);
    }

    private Entry entry(ProjectId project) {
        return cache.get(project, p -> new Entry(models.list(p).stream()
                .collect(Collectors.toUnmodifiableMap(ModelDefinition::identifier, Function.identity())),
                new ConcurrentHashMap<>()));
    }

    private record Entry(Map<String, ModelDefinition> byIdentifier,
                         ConcurrentHashMap<String, ModelEndpoint> endpoints) {
    }
}
