package io.olyx.domain.project;

/**
 * How a project's telemetry may be kept (seed 002, "distribution"). Derived from settings so the config endpoint, trace
 * creation and step recording all read one policy.
 */
public record DistributionPolicy(String distributionChannel, String telemetryMode, String payloadStorageMode,
                                 boolean payloadRetained, String replayExecutionMode, String secretsBoundary,
                                 boolean cloudPayloads, boolean localRefRequired) {

    public static DistributionPolicy of(ProjectSettings settings) {
        boolean anonymized = settings.anonymized();
        return new DistributionPolicy(
                settings.text("distribution", "distribution_channel").orElse("api"),
                settings.telemetryMode(),
                anonymized ? "cloud_anonymized" : "cloud_full",
                true,
                "cloud",
                "customer_environment",
                !anonymized,
                settings.localRefRequired());
    }
}
