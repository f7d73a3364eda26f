package io.olyx.domain.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemoryRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration LIFETIME = Duration.ofDays(180);

    @Test
    void aFactIsKeptForTheTextLifetime() {
        MemoryRequest request = MemoryRequest.read(Map.of("content", "  Likes tea  "), NOW, LIFETIME);
        assertThat(request).isEqualTo(new MemoryRequest.Accepted("Likes tea", MemoryFormat.TEXT, NOW.plus(LIFETIME)));
    }

    @Test
    void aReminderIsKeptUntilADayAfterItIsDue() {
        MemoryRequest request = MemoryRequest.read(Map.of("content", "Renew the contract", "format", "DateReminder",
                "date", "2026-12-01T09:00:00Z"), NOW, LIFETIME);
        assertThat(request).isEqualTo(new MemoryRequest.Accepted("Renew the contract", MemoryFormat.DATE_REMINDER,
                Instant.parse("2026-12-02T09:00:00Z")));
    }

    @Test
    void badCallsAreExplainedToTheModel() {
        assertThat(MemoryRequest.read(Map.of(), NOW, LIFETIME)).isInstanceOf(MemoryRequest.Rejected.class);
        assertThat(MemoryRequest.read(Map.of("content", "x", "format", "Poem"), NOW, LIFETIME))
                .isEqualTo(new MemoryRequest.Rejected("format must be Text or DateReminder"));
        assertThat(MemoryRequest.read(Map.of("content", "x", "format", "DateReminder", "date", "tomorrow"), NOW,
                LIFETIME)).extracting(r -> ((MemoryRequest.Rejected) r).message()).asString().contains("ISO-8601");
        assertThat(MemoryRequest.read(Map.of("content", "x", "format", "DateReminder", "date",
                "2026-11-01T00:00:00Z"), NOW, LIFETIME)).extracting(r -> ((MemoryRequest.Rejected) r).message())
                .asString().contains("future");
        assertThat(MemoryRequest.read(Map.of("content", "x".repeat(Memory.MAX_CONTENT + 1)), NOW, LIFETIME))
                .isInstanceOf(MemoryRequest.Rejected.class);
    }

    @Test
    void contentIsMeasuredInCharactersSoTheLimitInEmojiFits() {
        String atLimit = "😀".repeat(Memory.MAX_CONTENT);
        assertThat(MemoryRequest.read(Map.of("content", atLimit), NOW, LIFETIME))
                .isEqualTo(new MemoryRequest.Accepted(atLimit, MemoryFormat.TEXT, NOW.plus(LIFETIME)));
        assertThat(MemoryRequest.read(Map.of("content", atLimit + "😀"), NOW, LIFETIME))
                .isEqualTo(new MemoryRequest.Rejected("content must be at most " + Memory.MAX_CONTENT + " characters"));
    }
}
