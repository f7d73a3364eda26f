package io.olyx.application.pipeline;

import io.olyx.domain.llm.StreamEvent;

/**
 * Receives a streamed answer as it arrives, with the registry identifier of the model producing it. {@link #accept}
 * throws {@link java.io.UncheckedIOException} when the receiver (the client) has gone away, which stops the stream.
 */
@FunctionalInterface
public interface StreamSink {
    void accept(String modelIdentifier, StreamEvent event);
}
