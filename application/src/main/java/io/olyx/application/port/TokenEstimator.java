package io.olyx.application.port;

import io.olyx.domain.llm.ChatRequest;

/** Counts prompt tokens before a call, to reserve its worst-case cost against a spend cap. */
@FunctionalInterface
public interface TokenEstimator {
    int promptTokens(ChatRequest request);
}
