package io.olyx.adapter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.olyx.fixtures.provider.EventStreamEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventStreamDecoderTest {

    /**
     * A frame assembled by hand from the specification (not by the fixture encoder): one string header
     * ":event-type" = "messageStop" and payload {"stopReason":"end_turn"}, CRCs computed with java.util.zip.CRC32.
     */
    @Test
    void decodesAFrameBuiltFromTheSpecification() throws Exception {
        byte[] payload = "{\"stopReason\":\"end_turn\"}".getBytes(StandardCharsets.UTF_8);
        byte[] name = ":event-type".getBytes(StandardCharsets.UTF_8);
        byte[] value = "messageStop".getBytes(StandardCharsets.UTF_8);
        int headersLength = 1 + name.length + 1 + 2 + value.length;
        int total = 12 + headersLength + payload.length + 4;
        ByteBuffer frame = ByteBuffer.allocate(total);
        frame.putInt(total).putInt(headersLength);
        frame.putInt((int) EventStreamDecoder.crc(frame.array(), 0, 8));
        frame.put((byte) name.length).put(name).put((byte) 7).putShort((short) value.length).put(value);
        frame.put(payload);
        frame.putInt((int) EventStreamDecoder.crc(frame.array(), 0, total - 4));

        EventStreamDecoder.Message message = EventStreamDecoder.decode(frame.array());

        assertThat(message.header(":event-type")).contains("messageStop");
        assertThat(message.payloadText()).isEqualTo("{\"stopReason\":\"end_turn\"}");
    }

    @Test
    void decodesEveryHeaderType() throws Exception {
        UUID id = UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        header(headers, "t", 0, new byte[0]);
        header(headers, "f", 1, new byte[0]);
        header(headers, "b", 2, new byte[] {-3});
        header(headers, "s", 3, ByteBuffer.allocate(2).putShort((short) 300).array());
        header(headers, "i", 4, ByteBuffer.allocate(4).putInt(70000).array());
        header(headers, "l", 5, ByteBuffer.allocate(8).putLong(1L << 40).array());
        header(headers, "y", 6, new byte[] {0, 2, 9, 8});
        header(headers, "u", 9, ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
        byte[] h = headers.toByteArray();
        int total = 12 + h.length + 4;
        ByteBuffer frame = ByteBuffer.allocate(total).putInt(total).putInt(h.length);
        frame.putInt((int) EventStreamDecoder.crc(frame.array(), 0, 8)).put(h);
        frame.putInt((int) EventStreamDecoder.crc(frame.array(), 0, total - 4));

        Map<String, Object> decoded = EventStreamDecoder.decode(frame.array()).headers();

        assertThat(decoded).containsEntry("t", true).containsEntry("f", false).containsEntry("b", (byte) -3)
                .containsEntry("s", (short) 300).containsEntry("i", 70000).containsEntry("l", 1L << 40)
                .containsEntry("u", id);
        assertThat((byte[]) decoded.get("y")).containsExactly(9, 8);
    }

    private static void header(ByteArrayOutputStream out, String name, int type, byte[] value) {
        out.write(name.length());
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write(type);
        out.writeBytes(value);
    }

    @Test
    void readsConsecutiveMessagesAndEndsCleanlyBetweenThem() throws Exception {
        byte[] first = EventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}".getBytes());
        byte[] second = EventStreamEncoder.event("messageStop", "{\"stopReason\":\"end_turn\"}".getBytes());
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(first);
        both.writeBytes(second);
        EventStreamDecoder decoder = new EventStreamDecoder(new ByteArrayInputStream(both.toByteArray()));

        assertThat(decoder.next().orElseThrow().header(":event-type")).contains("messageStart");
        assertThat(decoder.next().orElseThrow().header(":event-type")).contains("messageStop");
        assertThat(decoder.next()).isEmpty();
    }

    @Test
    void rejectsACorruptPayload() {
        byte[] frame = EventStreamEncoder.event("contentBlockDelta", "{\"delta\":{\"text\":\"Hi\"}}".getBytes());
        frame[frame.length - 8] ^= 0x01;

        assertThatThrownBy(() -> EventStreamDecoder.decode(frame))
                .isInstanceOf(EventStreamDecoder.FormatException.class).hasMessageContaining("message CRC");
    }

    @Test
    void rejectsACorruptPrelude() {
        byte[] frame = EventStreamEncoder.event("contentBlockDelta", "{}".getBytes());
        frame[7] ^= 0x01;

        assertThatThrownBy(() -> new EventStreamDecoder(new ByteArrayInputStream(frame)).next())
                .isInstanceOf(EventStreamDecoder.FormatException.class).hasMessageContaining("prelude CRC");
    }

    @Test
    void reportsAStreamCutInsideAMessage() {
        byte[] frame = EventStreamEncoder.event("contentBlockDelta", "{\"delta\":{\"text\":\"Hi\"}}".getBytes());
        byte[] cut = Arrays.copyOf(frame, frame.length - 5);

        assertThatThrownBy(() -> new EventStreamDecoder(new ByteArrayInputStream(cut)).next())
                .isInstanceOf(EOFException.class);
    }

    @Test
    void refusesImplausibleLengthsBeforeAllocating() {
        ByteBuffer prelude = ByteBuffer.allocate(12).putInt(Integer.MAX_VALUE).putInt(0);
        prelude.putInt((int) EventStreamDecoder.crc(prelude.array(), 0, 8));

        assertThatThrownBy(() -> new EventStreamDecoder(new ByteArrayInputStream(prelude.array())).next())
                .isInstanceOf(EventStreamDecoder.FormatException.class).hasMessageContaining("lengths");
        assertThat(HexFormat.of().formatHex(prelude.array(), 0, 4)).isEqualTo("7fffffff");
    }
}
