package io.olyx.domain.trace;

import java.util.Objects;
import java.util.Optional;

/** One try at a provider while following a model's fallback chain; every try is visible on the step. */
public record ProviderAttempt(String model, String provider, boolean succeeded, Optional<Integer> httpStatus,
                              Optional<String> error, double latencyMs) {
    public ProviderAttempt {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(httpStatus, "httpStatus");
        Objects.requireNonNull(error, "error");
    }
}
