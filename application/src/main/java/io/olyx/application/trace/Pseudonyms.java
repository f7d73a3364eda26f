package io.olyx.application.trace;

import io.olyx.application.pipeline.Telemetry;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Anonymized projects keep no raw user identifiers (seed 002): metadata values under user-identifying keys are
 * replaced by a stable pseudonym (a truncated SHA-256), so traces of one user still group together.
 */
final class Pseudonyms {
    private static final Set<String> USER_KEYS = Set.of("user", "user_id", "userid", "customer", "customer_id",
            "email", "user_email", "account_id", "session_id", "external_user_id", "phone", "ip");

    private Pseudonyms() {
    }

    static Map<String, Object> userIdentifiers(Map<String, Object> metadata) {
        Map<String, Object> out = new LinkedHashMap<>();
        metadata.forEach((key, value) -> out.put(key, USER_KEYS.contains(key.toLowerCase(Locale.ROOT))
                && value != null ? "pseudonym:" + Telemetry.sha256(String.valueOf(value)).substring(0, 16) : value));
        return out;
    }
}
