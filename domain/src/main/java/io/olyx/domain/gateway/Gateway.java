package io.olyx.domain.gateway;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.model.SealedSecret;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An AI gateway: a named, reusable inference configuration owned by one project. Callers name it as the
 * {@code model} of a chat completion, by id or by slug ({@code name:last-4-of-id}, as AIVAX writes them). The
 * parameters' {@code apiKey} (for a provider of the caller's own) is kept sealed beside them, never in the document.
 */
public record Gateway(GatewayId id, ProjectId projectId, String name, String slug, GatewayParameters parameters,
                      Optional<SealedSecret> apiKey, Instant createdAt, Instant updatedAt) {
    public static final int MAX_NAME = 200;

    public Gateway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        name = validName(name);
    }

    public static String validName(String name) {
        InvalidInput.require(name != null && !name.isBlank(), "name", "name is required");
        InvalidInput.require(Characters.count(name.strip()) <= MAX_NAME, "name", "name must be at most " + MAX_NAME
                + " characters");
        return name.strip();
    }

    /** {@code support-bot:50c3}: the name in lower-case words, then as many trailing id characters as asked. */
    public static String slugFor(String name, GatewayId id, int idChars) {
        String words = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        String hex = id.value().toString().replace("-", "");
        return (words.isEmpty() ? "gateway" : words) + ":" + hex.substring(hex.length() - idChars);
    }

    public Gateway edited(String newName, String newSlug, GatewayParameters newParameters,
                          Optional<SealedSecret> newApiKey, Instant now) {
        return new Gateway(id, projectId, newName, newSlug, newParameters, newApiKey, createdAt, now);
    }
}
