package io.olyx.application.pipeline;

import io.olyx.domain.common.JsonMergePatch;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.project.DistributionPolicy;
import io.olyx.domain.project.Project;
import io.olyx.domain.project.ProjectSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GET /api/v1/config (seed 002): the policy a client must apply, built from the project's real settings. The
 * guardrails and distribution blocks are what the pipeline enforces; runtime_failover and enterprise_compute describe
 * this self-hosted deployment and can be overridden per project (settings.runtime_failover,
 * settings.enterprise_compute, settings.offline_testing), merged over these defaults. The seed's runtime_activation
 * block is left out: a self-hosted Olyx has no cloud runtime to activate.
 */
public final class PolicyDocument {
    private PolicyDocument() {
    }

    public static Map<String, Object> of(Project project) {
        ProjectSettings settings = project.settings();
        GuardPolicy guard = GuardPolicies.of(settings);
        DistributionPolicy distribution = DistributionPolicy.of(settings);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("offline_testing", settings.values().get("offline_testing") instanceof Boolean b && b);
        json.put("enterprise_compute", JsonMergePatch.apply(Map.of("enabled", false, "mode", "standard",
                        "compute_backend", "java", "accelerated_primitives", List.of(),
                        "runtime_boundary", "self_hosted"),
                settings.section("enterprise_compute", Map.of())));
        Map<String, Object> guardrails = new LinkedHashMap<>();
        guardrails.put("max_input_length", guard.maxInputLength());
        guardrails.put("pii_threshold", guard.piiThreshold());
        guardrails.put("injection_block", guard.injectionBlock());
        guardrails.put("secret_action", guard.secretAction().name().toLowerCase(Locale.ROOT));
        guardrails.put("block_threshold", guard.blockThreshold());
        json.put("guardrails", guardrails);
        json.put("runtime_failover", JsonMergePatch.apply(Map.of(
                "preferred_runtime", "self_hosted",
                "fallback_order", List.of("self_hosted"),
                "edge_fallback", Map.of("enabled", false, "targets", List.of(), "fail_closed", false),
                "cloud_fallback", Map.of("enabled", false, "mode", "disabled", "requires_redaction", false,
                        "require_customer_kms", false, "require_admin_approval", false,
                        "raw_payloads_allowed", !distribution.telemetryMode().equals("anonymized"),
                        "provider_secrets_allowed", false),
                "data_boundary", "self_hosted",
                "fail_closed", false), settings.section("runtime_failover", Map.of())));
        Map<String, Object> dist = new LinkedHashMap<>();
        dist.put("project_id", project.id().value());
        dist.put("distribution_channel", distribution.distributionChannel());
        dist.put("telemetry_mode", distribution.telemetryMode());
        dist.put("payload_storage_mode", distribution.payloadStorageMode());
        dist.put("payload_retained", distribution.payloadRetained());
        dist.put("replay_execution_mode", distribution.replayExecutionMode());
        dist.put("secrets_boundary", distribution.secretsBoundary());
        dist.put("cloud_payloads", distribution.cloudPayloads());
        dist.put("local_ref_required", distribution.localRefRequired());
        json.put("distribution", dist);
        return json;
    }
}
