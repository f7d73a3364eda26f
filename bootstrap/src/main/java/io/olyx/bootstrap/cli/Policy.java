package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * The project policy from GET /api/v1/config, read the way seed 002 asks: the fields it names as required must be
 * there with values this CLI understands, otherwise the CLI fails closed (it may be older than the policy).
 */
record Policy(String telemetryMode, String payloadStorageMode, boolean localRefRequired, long maxInputLength,
              String secretAction, Optional<String> replayExecutionMode, JsonNode document) {
    static final Set<String> TELEMETRY_MODES = Set.of("public", "anonymized");
    static final Set<String> PAYLOAD_STORAGE_MODES = Set.of("cloud_full", "cloud_anonymized");
    static final Set<String> SECRET_ACTIONS = Set.of("alert", "redact", "block");
    /** Where replays run; "cloud" means on the Olyx server, the only place this CLI can queue them. */
    static final String SERVER_REPLAY = "cloud";

    static Policy parse(JsonNode config) {
        JsonNode distribution = config.path("distribution");
        JsonNode guardrails = config.path("guardrails");
        JsonNode localRef = distribution.path("local_ref_required");
        if (!localRef.isBoolean()) {
            throw CliFailure.policy("config has no boolean distribution.local_ref_required");
        }
        JsonNode maxInput = guardrails.path("max_input_length");
        if (!maxInput.canConvertToExactIntegral() || maxInput.asLong() <= 0) {
            throw CliFailure.policy("config has no positive integer guardrails.max_input_length");
        }
        JsonNode replay = distribution.path("replay_execution_mode");
        return new Policy(known(distribution, "distribution", "telemetry_mode", TELEMETRY_MODES),
                known(distribution, "distribution", "payload_storage_mode", PAYLOAD_STORAGE_MODES),
                localRef.asBoolean(), maxInput.asLong(),
                known(guardrails, "guardrails", "secret_action", SECRET_ACTIONS),
                replay.isTextual() ? Optional.of(replay.asText()) : Optional.empty(), config);
    }

    private static String known(JsonNode section, String sectionName, String field, Set<String> values) {
        JsonNode value = section.path(field);
        if (!value.isTextual()) {
            throw CliFailure.policy("config has no " + sectionName + "." + field);
        }
        if (!values.contains(value.asText())) {
            throw CliFailure.policy(sectionName + "." + field + " is \"" + value.asText()
                    + "\", which this CLI does not know (it knows " + String.join(", ", values.stream().sorted()
                    .toList()) + "); upgrade the CLI");
        }
        return value.asText();
    }

    void requireLocalRef(Optional<String> localRef) {
        if (localRefRequired && localRef.filter(ref -> !ref.isBlank()).isEmpty()) {
            throw CliFailure.policy("this project requires a customer-side reference on every trace: pass "
                    + "--local-ref (the payload stays on your side, Olyx receives only the reference)");
        }
    }

    void requireWithinInputLimit(String what, int length) {
        if (length > maxInputLength) {
            throw CliFailure.policy(what + " is " + length + " characters, over the project's "
                    + "guardrails.max_input_length of " + maxInputLength);
        }
    }

    void requireServerReplay() {
        replayExecutionMode.filter(mode -> !mode.equals(SERVER_REPLAY)).ifPresent(mode -> {
            throw CliFailure.policy("distribution.replay_execution_mode is \"" + mode
                    + "\"; this CLI can only queue replays that run on the server (\"" + SERVER_REPLAY + "\")");
        });
    }
}
