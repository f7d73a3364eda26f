package io.olyx.adapter.providers.bedrock;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * Decodes the AWS event-stream framing (application/vnd.amazon.eventstream) that Bedrock's ConverseStream uses:
 * <pre>
 * [total length u32][headers length u32][prelude CRC32 u32][headers][payload][message CRC32 u32]
 * header = [name length u8][name utf-8][type u8][value]
 * </pre>
 * Both CRCs are checked; a mismatch means a corrupt stream and fails the call. A clean end of input between
 * messages is the end of the stream; an end inside a message is an {@link EOFException}.
 */
final class EventStreamDecoder {
    static final int PRELUDE = 12;
    static final int MAX_MESSAGE = 16 * 1024 * 1024;

    private final InputStream in;

    EventStreamDecoder(InputStream in) {
        this.in = in;
    }

    static final class FormatException extends IOException {
        FormatException(String message) {
            super(message);
        }
    }

    /** One decoded message: typed header values and the raw payload. */
    record Message(Map<String, Object> headers, byte[] payload) {
        Message {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }

        Optional<String> header(String name) {
            return headers.get(name) instanceof String s ? Optional.of(s) : Optional.empty();
        }

        String payloadText() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    Optional<Message> next() throws IOException {
        byte[] prelude = new byte[PRELUDE];
        int first = in.readNBytes(prelude, 0, PRELUDE);
        if (first == 0) {
            return Optional.empty();
        }
        if (first < PRELUDE) {
            throw new EOFException("event stream ended inside a message prelude");
        }
        ByteBuffer head = ByteBuffer.wrap(prelude);
        long total = Integer.toUnsignedLong(head.getInt());
        long headersLength = Integer.toUnsignedLong(head.getInt());
        long preludeCrc = Integer.toUnsignedLong(head.getInt());
        if (crc(prelude, 0, 8) != preludeCrc) {
            throw new FormatException("event stream prelude CRC mismatch");
        }
        if (total < PRELUDE + 4 || total > MAX_MESSAGE || headersLength > total - PRELUDE - 4) {
            throw new FormatException("event stream message lengths are inconsistent: total " + total
                    + ", headers " + headersLength);
        }
        byte[] message = new byte[(int) total];
        System.arraycopy(prelude, 0, message, 0, PRELUDE);
        int rest = in.readNBytes(message, PRELUDE, (int) total - PRELUDE);
        if (rest < total - PRELUDE) {
            throw new EOFException("event stream ended inside a message");
        }
        return Optional.of(decode(message, (int) headersLength));
    }

    /** Decodes one complete frame (prelude CRC already checked by {@link #next()} or not: both are checked here). */
    static Message decode(byte[] frame) throws FormatException {
        if (frame.length < PRELUDE + 4) {
            throw new FormatException("event stream frame too short");
        }
        ByteBuffer head = ByteBuffer.wrap(frame);
        int total = head.getInt();
        int headersLength = head.getInt();
        long preludeCrc = Integer.toUnsignedLong(head.getInt());
        if (total != frame.length || crc(frame, 0, 8) != preludeCrc || headersLength < 0
                || headersLength > total - PRELUDE - 4) {
            throw new FormatException("event stream prelude is invalid");
        }
        return decode(frame, headersLength);
    }

    private static Message decode(byte[] message, int headersLength) throws FormatException {
        int total = message.length;
        long messageCrc = Integer.toUnsignedLong(ByteBuffer.wrap(message, total - 4, 4).getInt());
        if (crc(message, 0, total - 4) != messageCrc) {
            throw new FormatException("event stream message CRC mismatch");
        }
        Map<String, Object> headers = headers(ByteBuffer.wrap(message, PRELUDE, headersLength).slice());
        int payloadStart = PRELUDE + headersLength;
        byte[] payload = new byte[total - 4 - payloadStart];
        System.arraycopy(message, payloadStart, payload, 0, payload.length);
        return new Message(headers, payload);
    }

    private static Map<String, Object> headers(ByteBuffer buffer) throws FormatException {
        Map<String, Object> headers = new LinkedHashMap<>();
        try {
            while (buffer.hasRemaining()) {
                byte[] name = new byte[buffer.get() & 0xff];
                buffer.get(name);
                int type = buffer.get() & 0xff;
                Object value = switch (type) {
                    case 0 -> Boolean.TRUE;
                    case 1 -> Boolean.FALSE;
                    case 2 -> buffer.get();
                    case 3 -> buffer.getShort();
                    case 4 -> buffer.getInt();
                    case 5, 8 -> buffer.getLong();
                    case 6 -> bytes(buffer);
                    case 7 -> new String(bytes(buffer), StandardCharsets.UTF_8);
                    case 9 -> new UUID(buffer.getLong(), buffer.getLong());
                    default -> throw new FormatException("unknown event stream header type " + type);
                };
                headers.put(new String(name, StandardCharsets.UTF_8), value);
            }
        } catch (java.nio.BufferUnderflowException e) {
            throw new FormatException("event stream headers overrun their length");
        }
        return headers;
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] value = new byte[buffer.getShort() & 0xffff];
        buffer.get(value);
        return value;
    }

    static long crc(byte[] data, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(data, offset, length);
        return crc.getValue();
    }
}
