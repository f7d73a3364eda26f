package io.olyx.application.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {
    private Instant now = Instant.parse("2026-11-23T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AtomicInteger loads = new AtomicInteger();
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(clock, Duration.ofSeconds(5));

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void aFreshEntryIsServedWithoutLoadingAgain() {
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        now = now.plusSeconds(4);

        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void anExpiredEntryIsLoadedAgain() {
        cache.get("a", this::load);
        now = now.plusSeconds(5);

        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
    }

    @Test
    void forgettingAKeyReloadsOnlyThatKey() {
        cache.get("a", this::load);
        cache.get("b", this::load);

        cache.forget("a");

        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
    }
}
