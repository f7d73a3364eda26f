package io.olyx.adapter.http.execution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.olyx.adapter.http.JsonMapperFactory;
import io.olyx.adapter.http.StreamTranscript;
import io.olyx.application.pipeline.StreamSink;
import io.olyx.domain.llm.StreamEvent;
import io.olyx.domain.llm.TokenUsage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Writes a streamed answer as OpenAI {@code chat.completion.chunk} server-sent events, flushing each one as the
 * provider produces it. The response is only committed at the first event, so a call refused before the model
 * answers still gets a normal JSON error with its status. A client that goes away makes {@link #accept} throw,
 * which stops the provider stream; the pipeline still records the step with what was produced.
 */
public final class SseStream implements StreamSink {
    /** The edge's own mapper, so a chunk writes numbers as every other answer does (money in plain digits). */
    private static final ObjectMapper JSON = JsonMapperFactory.create();

    private final Context ctx;
    private final Optional<StreamTranscript> transcript;
    private final String id;
    private final long created;
    private final boolean includeUsage;
    private final Set<Integer> announcedCalls = new HashSet<>();
    private OutputStream out;
    private boolean roleSent;
    private String model = "";
    private volatile boolean clientGone;
    private boolean finished;
    private Map<String, Object> finalMembers = Map.of();
    private Optional<ScheduledFuture<?>> pings = Optional.empty();

    public SseStream(Context ctx, String id, long created, boolean includeUsage) {
        this.ctx = ctx;
        this.transcript = StreamTranscript.of(ctx);
        this.id = id;
        this.created = created;
        this.includeUsage = includeUsage;
    }

    /**
     * Keeps a quiet stream alive: an SSE comment ({@code : ping}) every {@code interval} until the stream ends. The
     * first ping commits the 200, so a refusal after it is reported in-band.
     */
    public void pingEvery(ScheduledExecutorService scheduler, Duration interval) {
        pings = Optional.of(scheduler.scheduleWithFixedDelay(this::ping, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS));
    }

    /** Extra members for the chunk that carries the finish reason (e.g. a gateway's generation_context). */
    public void finalMembers(Map<String, Object> members) {
        finalMembers = Map.copyOf(members);
    }

    public boolean started() {
        return out != null;
    }

    @Override
    public synchronized void accept(String modelIdentifier, StreamEvent event) {
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
            case StreamEvent.Completed completed -> finalChunk(completed);
        }
    }

    /**
     * The finish reason (and usage): by now the answer is complete and its step recorded, so a client that left
     * before this last chunk is, as in {@link #done()}, no server error.
     */
    private void finalChunk(StreamEvent.Completed completed) {
        try {
            delta(Map.of(), completed.finishReason().wire(), finalMembers);
            if (includeUsage) {
                usage(completed.usage());
            }
        } catch (UncheckedIOException gone) {
            // writeRaw has marked the client gone; done() then writes nothing more
        }
    }

    /** After a failure that happened mid-stream: tell the client in-band, as OpenAI does. */
    public void error(String message, String code) {
        stopPings();
        if (!clientGone) {
            write(Map.of("error", Map.of("message", message, "code", code)));
        }
    }

    /** Ends the stream; a client that already left needs no ending, and its absence is not a server error. */
    public void done() {
        stopPings();
        if (!clientGone) {
            try {
                writeRaw("data: [DONE]\n\n");
            } catch (UncheckedIOException gone) {
                // writeRaw has marked the client gone
            }
        }
    }

    private void delta(Map<String, Object> delta, String finishReason) {
        delta(delta, finishReason, Map.of());
    }

    private void delta(Map<String, Object> delta, String finishReason, Map<String, Object> members) {
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
        Map<String, Object> chunk = chunk(List.of(choice));
        chunk.putAll(members);
        write(chunk);
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

    private synchronized void ping() {
        if (finished || clientGone) {
            stopPings();
            return;
        }
        try {
            writeRaw(": ping\n\n");
        } catch (UncheckedIOException gone) {
            stopPings();
        }
    }

    /** Stops pinging without ending the stream (before answering with a plain JSON error instead). */
    public synchronized void stopPings() {
        finished = true;
        pings.ifPresent(p -> p.cancel(false));
    }

    private synchronized void writeRaw(String text) {
        if (!text.startsWith(":")) { // a comment (ping) only keeps the connection alive: no part of the answer
            transcript.ifPresent(t -> t.append(text));
        }
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
