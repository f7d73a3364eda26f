package io.olyx.application.pipeline;

import io.olyx.domain.llm.StreamEvent;

/** Receives a streamed answer as it arrives, with the registry identifier of the model producing it. */
@FunctionalInterface
public interface StreamSink {
    void accept(String modelIdentifier, StreamEvent event);
}
