package io.olyx.adapter.providers.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SseReaderTest {

    private static List<SseReader.Event> all(String text) {
        return all(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<SseReader.Event> all(InputStream in) {
        SseReader reader = new SseReader(in);
        List<SseReader.Event> out = new ArrayList<>();
        for (Optional<SseReader.Event> e = reader.next(); e.isPresent(); e = reader.next()) {
            out.add(e.get());
        }
        return out;
    }

    @Test
    void readsNamedEventsMultiLineDataAndSkipsComments() {
        List<SseReader.Event> events = all(": keep-alive\r\nevent: ping\r\ndata: {}\r\n\r\n"
                + "data: first\ndata:second\n\n\n\nevent: done\ndata: [DONE]\n\n");

        assertThat(events).containsExactly(new SseReader.Event("ping", "{}"),
                new SseReader.Event("message", "first\nsecond"), new SseReader.Event("done", "[DONE]"));
    }

    @Test
    void deliversAnUnterminatedLastEvent() {
        assertThat(all("data: {\"a\":1}\n\ndata: [DONE]")).extracting(SseReader.Event::data)
                .containsExactly("{\"a\":1}", "[DONE]");
    }

    @Test
    void keepsMultiByteCharactersSplitAcrossReads() {
        byte[] bytes = "data: 15°C ☀\n\n".getBytes(StandardCharsets.UTF_8);
        InputStream trickle = new InputStream() {
            private int i;

            @Override
            public int read() {
                return i < bytes.length ? bytes[i++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (i >= bytes.length) {
                    return -1;
                }
                b[off] = bytes[i++];
                return 1;
            }
        };

        assertThat(all(trickle)).extracting(SseReader.Event::data).containsExactly("15°C ☀");
    }
}
