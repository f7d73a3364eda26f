package io.olyx.domain.project;

import io.olyx.domain.common.InvalidInput;

/**
 * How a project's telemetry may be kept (seed 002, "distribution"). Derived from settings so the config endpoint, trace
 * creation and step recording all read one policy.
 */
public record DistributionPolicy(String distributionChannel, String telemetryMode, String payloadStorageMode,
                                 boolean payloadRetained, String replayExecutionMode, String secretsBoundary,
                                 boolean cloudPayloads, boolean localRefRequired) {
    /** Every trace records its channel (seed 002 names {@code cli}), in a column of this many characters. */
    public static final int MAX_CHANNEL_LENGTH = 32;

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

    /** A channel given in a request ({@code field}) or in the project's settings. */
    public static void validateChannel(Object channel, String field) {
        InvalidInput.requireName(channel, MAX_CHANNEL_LENGTH, field);
    }
}
