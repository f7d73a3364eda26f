package io.olyx.adapter.http.execution;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.olyx.application.pipeline.StreamSink;
import io.olyx.domain.llm.StreamEvent;
import io.olyx.domain.llm.TokenUsage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a streamed answer as OpenAI {@code chat.completion.chunk} server-sent events, flushing each one as the
 * provider produces it. The response is only committed at the first event, so a call refused before the model
 * answers still gets a normal JSON error with its status. A client that goes away makes {@link #accept} throw,
 * which stops the provider stream; the pipeline still records the step with what was produced.
 */
final class SseStream implements StreamSink {
    private static final ObjectMapper JSON = new ObjectMapper(
            JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build());

    private final Context ctx;
    private final String id;
    private final long created;
    private final boolean includeUsage;
    private final Set<Integer> announcedCalls = new HashSet<>();
    private OutputStream out;
    private boolean roleSent;
    private String model = "";
    private boolean clientGone;

    SseStream(Context ctx, String id, long created, boolean includeUsage) {
        this.ctx = ctx;
        this.id = id;
        this.created = created;
        this.includeUsage = includeUsage;
    }

    boolean started() {
        return out != null;
    }

    @Override
    public void accept(String modelIdentifier, StreamEvent event) {
        model = modelIdentifier;
        switch (event) {
            case StreamEvent.TextDelta text -> delta(Map.of("content", text.text()), null);
            case StreamEvent.ToolCallDelta call -> {
                Map<String, Object> function = new LinkedHashMap<>();
                call.name().ifPresent(n -> function.put("name", n));
                function.put("arguments", call.argumentsFragment());
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("index", call.index());
                call.id().ifPresent(i -> entry.put("id", i));
                if (announcedCalls.add(call.index())) {
                    entry.put("type", "function");
                }
                entry.put("function", function);
                delta(Map.of("tool_calls", List.of(entry)), null);
            }
            case StreamEvent.ToolCallCompleted done -> {
                if (announcedCalls.add(done.index())) {
                    delta(Map.of("tool_calls", List.of(Map.of("index", done.index(), "id", done.call().id(),
                            "type", "function", "function", Map.of("name", done.call().name(),
                                    "arguments", done.call().argumentsJson())))), null);
                }
            }
            case StreamEvent.Completed completed -> {
                delta(Map.of(), completed.finishReason().wire());
                if (includeUsage) {
                    usage(completed.usage());
                }
            }
        }
    }

    /** After a failure that happened mid-stream: tell the client in-band, as OpenAI does. */
    void error(String message, String code) {
        if (!clientGone) {
            write(Map.of("error", Map.of("message", message, "code", code)));
        }
    }

    /** Ends the stream; a client that already left needs no ending, and its absence is not a server error. */
    void done() {
        if (!clientGone) {
            try {
                writeRaw("data: [DONE]\n\n");
            } catch (UncheckedIOException gone) {
                clientGone = true;
            }
        }
    }

    private void delta(Map<String, Object> delta, String finishReason) {
        Map<String, Object> content = new LinkedHashMap<>();
        if (!roleSent) {
            content.put("role", "assistant");
            roleSent = true;
        }
        content.putAll(delta);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", content);
        choice.put("finish_reason", finishReason);
        write(chunk(List.of(choice)));
    }

    private void usage(TokenUsage usage) {
        Map<String, Object> chunk = chunk(List.of());
        chunk.put("usage", OpenAiJson.usage(usage));
        write(chunk);
    }

    private Map<String, Object> chunk(List<Object> choices) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        chunk.put("model", model);
        chunk.put("choices", choices);
        return chunk;
    }

    private void write(Map<String, Object> json) {
        try {
            writeRaw("data: " + JSON.writeValueAsString(json) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeRaw(String text) {
        try {
            if (out == null) {
                ctx.status(200);
                ctx.res().setContentType("text/event-stream;charset=utf-8");
                ctx.res().setHeader("Cache-Control", "no-cache");
                ctx.res().setHeader("X-Accel-Buffering", "no");
                out = ctx.res().getOutputStream();
            }
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException disconnected) {
            clientGone = true;
            throw new UncheckedIOException(disconnected);
        }
    }
}
