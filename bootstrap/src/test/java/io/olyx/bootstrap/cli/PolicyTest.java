package io.olyx.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyTest {
    private static JsonNode config(String telemetry, String storage, String secretAction, String maxInput) {
        return Json.parse("""
                {"guardrails": {"max_input_length": %s, "secret_action": "%s"},
                 "distribution": {"telemetry_mode": "%s", "payload_storage_mode": "%s", "local_ref_required": true}}
                """.formatted(maxInput, secretAction, telemetry, storage)).orElseThrow();
    }

    @Test
    void readsTheFieldsSeed002CallsRequired() {
        Policy policy = Policy.parse(config("anonymized", "cloud_anonymized", "redact", "500"));

        assertThat(policy.telemetryMode()).isEqualTo("anonymized");
        assertThat(policy.localRefRequired()).isTrue();
        assertThat(policy.maxInputLength()).isEqualTo(500);
        assertThat(policy.replayExecutionMode()).isEmpty();
    }

    @Test
    void unknownValuesAndMissingOrMistypedFieldsFailClosed() {
        assertPolicyFailure(config("public", "cloud_everything", "alert", "10"), "payload_storage_mode");
        assertPolicyFailure(config("public", "cloud_full", "shrug", "10"), "secret_action");
        assertPolicyFailure(config("public", "cloud_full", "alert", "0"), "max_input_length");
        assertPolicyFailure(config("public", "cloud_full", "alert", "\"10\""), "max_input_length");
        assertPolicyFailure(Json.parse("[]").orElseThrow(), "local_ref_required");
    }

    @Test
    void limitsAreInclusive() {
        Policy policy = Policy.parse(config("public", "cloud_full", "alert", "5"));

        policy.requireWithinInputLimit("input", 5);
        policy.requireLocalRef(Optional.of("ref"));
        assertThatThrownBy(() -> policy.requireWithinInputLimit("input", 6)).isInstanceOf(CliFailure.class);
        assertThatThrownBy(() -> policy.requireLocalRef(Optional.of(" "))).isInstanceOf(CliFailure.class);
    }

    private static void assertPolicyFailure(JsonNode config, String field) {
        assertThatThrownBy(() -> Policy.parse(config)).isInstanceOf(CliFailure.class)
                .hasMessageContaining(field).hasMessageContaining("failing closed")
                .satisfies(e -> assertThat(((CliFailure) e).exit()).isEqualTo(Exit.POLICY));
    }
}
