package io.olyx.adapter.http;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * The events a streamed answer sent, kept while a request carries an Idempotency-Key: a stream is written straight to
 * the connection, so without it the response kept for retries would be empty and a retry would get a bare 200.
 */
public final class StreamTranscript {
    private static final String ATTRIBUTE = "olyx.stream-transcript";

    private final StringBuilder events = new StringBuilder();

    private StreamTranscript() {
    }

    static StreamTranscript keep(Context ctx) {
        StreamTranscript transcript = new StreamTranscript();
        ctx.attribute(ATTRIBUTE, transcript);
        return transcript;
    }

    /** The transcript to add to, when this request's stream is to be kept. */
    public static Optional<StreamTranscript> of(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    public synchronized void append(String event) {
        events.append(event);
    }

    synchronized Optional<String> text() {
        return events.isEmpty() ? Optional.empty() : Optional.of(events.toString());
    }
}
