package io.olyx.application.pipeline;

import io.olyx.domain.project.ProjectSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Anonymized projects keep no raw user identifiers (seed 002): metadata values under user-identifying keys are
 * replaced by a stable pseudonym (a truncated SHA-256), so traces of one user still group together. This holds for
 * every trace whose metadata a client chooses, the ones POST /api/v1/traces opens and the ones a model call opens
 * for itself, and at any depth, since a key nested in an object identifies a user as much as a top-level one.
 */
public final class Pseudonyms {
    private static final Set<String> USER_KEYS = Set.of("user", "user_id", "userid", "customer", "customer_id",
            "email", "user_email", "account_id", "session_id", "external_user_id", "phone", "ip");

    private Pseudonyms() {
    }

    /** The metadata a trace of this project may keep: as sent, or with user identifiers pseudonymized. */
    public static Map<String, Object> metadata(ProjectSettings settings, Map<String, Object> metadata) {
        return settings.anonymized() ? userIdentifiers(metadata) : metadata;
    }

    private static Map<String, Object> userIdentifiers(Map<?, ?> metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.forEach((key, value) -> out.put(String.valueOf(key),
                USER_KEYS.contains(String.valueOf(key).toLowerCase(Locale.ROOT)) && value != null
                        ? "pseudonym:" + Telemetry.sha256(String.valueOf(value)).substring(0, 16)
                        : nested(value)));
        return out;
    }

    private static Object nested(Object value) {
        return switch (value) {
            case Map<?, ?> map -> userIdentifiers(map);
            case List<?> list -> list.stream().map(Pseudonyms::nested).toList();
            case null, default -> value;
        };
    }
}
