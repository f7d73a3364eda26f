package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.project.ProjectId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A skill: instructions (inline and from remote sources) and the tools they unlock. A gateway that enables the
 * skill adds its instructions to the system prompt and lets the model see its allowed tools.
 */
public record Skill(SkillId id, ProjectId projectId, Definition definition, Instant createdAt) {
    public Skill {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public String slug() {
        return definition.slug();
    }

    /** What a caller writes (the seed's create/update body and one line of an import file). */
    public record Definition(String slug, Optional<String> description, String instructions,
                             List<RemoteSource> instructionSources, List<String> allowedToolsNames,
                             Map<String, Object> options) {
        private static final Pattern SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,127}");

        public Definition {
            Objects.requireNonNull(slug, "slug");
            description = description == null ? Optional.empty() : description;
            Objects.requireNonNull(instructions, "instructions");
            instructionSources = List.copyOf(instructionSources);
            allowedToolsNames = List.copyOf(allowedToolsNames);
            options = JsonValues.freezeObject(options);
        }

        /** Validates a skill document; {@code options} keeps any member Olyx does not read. */
        public static Definition parse(Map<String, Object> document) {
            JsonFields f = new JsonFields(document, "");
            String slug = f.requireText("slug").strip();
            InvalidInput.require(SLUG.matcher(slug).matches(), "slug", "slug must be 1 to 128 letters, digits, "
                    + "'-', '_' or '.', starting with a letter or digit");
            JsonFields options = f.child("options");
            Map<String, Object> stored = new LinkedHashMap<>(f.object("options").orElse(Map.of()));
            stored.putIfAbsent("instructionSources", List.of());
            stored.putIfAbsent("allowedToolsNames", List.of());
            return new Definition(slug, f.text("description"), f.requireText("instructions"),
                    options.objects("instructionSources").stream().map(RemoteSource::read).toList(),
                    options.strings("allowedToolsNames"), stored);
        }
    }
}
