package io.olyx.domain.project;

import java.util.Map;
import java.util.Optional;

/** What a PATCH asks to change; absent fields stay as they are, settings merge (RFC 7396). */
public record ProjectChanges(Optional<String> name, Optional<String> description, Optional<ProjectStatus> status,
                             Optional<Map<String, Object>> settingsPatch) {
}
