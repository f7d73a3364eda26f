package io.olyx.application.port;

import io.olyx.domain.keys.ApiKeyId;

/** Per-key request counts per minute window, shared by all nodes. */
@FunctionalInterface
public interface RateCounter {
    /** Counts one more request in {@code window} and returns the count including it. */
    long increment(ApiKeyId key, long window);
}
