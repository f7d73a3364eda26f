package io.olyx.application.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void aValueIsKeptUntilItsTimeOnly() {
        ExpiringCache<String, String> cache = new ExpiringCache<>();
        cache.put("https://a", "text", NOW.plusSeconds(60), NOW);

        assertThat(cache.get("https://a", NOW.plusSeconds(59))).contains("text");
        assertThat(cache.get("https://a", NOW.plusSeconds(60))).isEmpty();
    }

    @Test
    void keysNoLongerAskedForLeaveWhenTheyHaveExpired() {
        ExpiringCache<String, String> cache = new ExpiringCache<>();
        for (int i = 0; i < 1_000; i++) {
            Instant at = NOW.plus(Duration.ofMinutes(i));
            cache.put("https://source/" + i, "text", at.plusSeconds(30), at);
        }

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aZeroOrNegativeDurationKeepsNothing() {
        ExpiringCache<String, String> cache = new ExpiringCache<>();
        cache.put("https://a", "text", NOW, NOW);
        cache.put("https://b", "text", NOW.minusSeconds(5), NOW);

        assertThat(cache.size()).isZero();
    }
}
