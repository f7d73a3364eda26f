package io.olyx.domain.project;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import java.time.Instant;
import java.util.Objects;

/** An isolated environment with its own keys, model registry, routing rules and spend. */
public record Project(ProjectId id, String name, String description, ProjectStatus status,
                      ProjectSettings settings, Instant createdAt, Instant updatedAt) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;

    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        validateName(name);
        description = description == null ? "" : description;
        InvalidInput.require(Characters.count(description) <= MAX_DESCRIPTION_LENGTH, "description",
                "description must be at most " + MAX_DESCRIPTION_LENGTH + " characters");
    }

    public static void validateName(String name) {
        InvalidInput.require(name != null && !name.isBlank() && Characters.count(name) <= MAX_NAME_LENGTH, "name",
                "name is required and must be at most " + MAX_NAME_LENGTH + " characters");
    }

    /** The project with {@code changes} applied, or this very project when they change nothing (no new updatedAt). */
    public Project updated(ProjectChanges changes, Instant now) {
        Project changed = new Project(id,
                changes.name().orElse(name),
                changes.description().orElse(description),
                changes.status().orElse(status),
                changes.settingsPatch().map(settings::merge).orElse(settings),
                createdAt, updatedAt);
        return changed.equals(this) ? this : changed.touched(now);
    }

    private Project touched(Instant now) {
        return new Project(id, name, description, status, settings, createdAt, now);
    }
}
