package io.olyx.application.access;

import io.olyx.domain.keys.ApiKey;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectId;
import java.util.Objects;

/** A request authenticated by a project-scoped API key: it can only ever see that project. */
public record KeyCaller(ApiKey key, Project project) {
    public KeyCaller {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(project, "project");
    }

    public ProjectId projectId() {
        return project.id();
    }
}
