package io.olyx.application.gateway;

import io.olyx.application.pipeline.StreamSink;
import io.olyx.domain.llm.StreamEvent;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams one round of a gateway call to the client: text goes out as it arrives; tool calls are held until the
 * round ends, then only the client's own are released (Olyx runs the others and starts another round); the end of
 * a round is never forwarded, because only the caller knows which round is the last and what it cost in total.
 */
final class RoundSink implements StreamSink {
    private final StreamSink client;
    private final Set<String> serverTools;
    private final List<Held> held = new ArrayList<>();
    private final Map<Integer, String> names = new HashMap<>();

    RoundSink(StreamSink client, Set<String> serverTools) {
        this.client = client;
        this.serverTools = Set.copyOf(serverTools);
    }

    @Override
    public void accept(String modelIdentifier, StreamEvent event) {
        switch (event) {
            case StreamEvent.TextDelta text -> client.accept(modelIdentifier, text);
            case StreamEvent.ToolCallDelta delta -> {
                delta.name().ifPresent(n -> names.putIfAbsent(delta.index(), n));
                held.add(new Held(modelIdentifier, delta.index(), event));
            }
            case StreamEvent.ToolCallCompleted done -> {
                names.putIfAbsent(done.index(), done.call().name());
                held.add(new Held(modelIdentifier, done.index(), event));
            }
            case StreamEvent.Completed completed -> {
            }
        }
    }

    /**
     * The round was the last: the client's tool calls go out. A client that left while they were being generated
     * (nothing was written to it meanwhile, so nothing noticed) is no failure: the round is answered and recorded.
     */
    void release() {
        try {
            for (Held h : held) {
                if (!serverTools.contains(names.getOrDefault(h.index(), ""))) {
                    client.accept(h.model(), h.event());
                }
            }
        } catch (UncheckedIOException clientGone) {
            // StreamSink's way of saying the receiver went away; there is no one left to tell
        }
        discard();
    }

    /** Another round follows: what this one asked for was run here. */
    void discard() {
        held.clear();
        names.clear();
    }

    /** Text written straight to the client (the gateway's prefill, shown before the answer). */
    void text(String modelIdentifier, String text) {
        client.accept(modelIdentifier, new StreamEvent.TextDelta(text));
    }

    private record Held(String model, int index, StreamEvent event) {
    }
}
