package io.olyx.adapter.providers.support;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads server-sent events (text/event-stream) one at a time as bytes arrive, so each event can be handed on
 * before the next one exists. Follows the WHATWG parsing rules that matter for model providers: {@code event:}
 * and multi-line {@code data:} fields, comments, CRLF or LF line ends; an unterminated last event is still
 * delivered, because some servers close the stream right after their final {@code data:} line.
 */
public final class SseReader {
    private static final int MAX_LINE = 8 * 1024 * 1024;

    public record Event(String event, String data) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private int position;
    private int limit;
    private boolean eof;

    public SseReader(InputStream in) {
        this.in = in;
    }

    /** The next event, or empty at the end of the stream. */
    public Optional<Event> next() {
        String event = null;
        StringBuilder data = null;
        while (true) {
            String text = readLine();
            if (text == null) {
                return data == null ? Optional.empty() : Optional.of(new Event(event == null ? "message" : event,
                        data.toString()));
            }
            if (text.isEmpty()) {
                if (data != null) {
                    return Optional.of(new Event(event == null ? "message" : event, data.toString()));
                }
                event = null;
                continue;
            }
            if (text.charAt(0) == ':') {
                continue;
            }
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            if (field.equals("data")) {
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            } else if (field.equals("event")) {
                event = value;
            }
        }
    }

    private String readLine() {
        line.reset();
        while (true) {
            if (position == limit) {
                if (eof || !fill()) {
                    return line.size() == 0 ? null : decodeLine();
                }
            }
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    line.write(buffer, position, i - position);
                    position = i + 1;
                    return decodeLine();
                }
            }
            line.write(buffer, position, limit - position);
            position = limit;
            if (line.size() > MAX_LINE) {
                throw new IllegalStateException("server-sent event line longer than " + MAX_LINE + " bytes");
            }
        }
    }

    private String decodeLine() {
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private boolean fill() {
        try {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
