package io.olyx.application.gateway;

import io.olyx.application.port.OutboundHttp;
import io.olyx.domain.gateway.RemoteSource;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Instruction sources (a gateway's systemInstructionsSources, a skill's instructionSources): fetched with their
 * headers and kept for their cacheDuration, per URL and headers, on this node. A source that cannot be fetched
 * contributes nothing to the prompt (the call still goes ahead) and is tried again on the next call.
 */
public final class RemoteTexts {
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final OutboundHttp http;
    private final Clock clock;
    private final ExpiringCache<Key, String> cache = new ExpiringCache<>();

    public RemoteTexts(OutboundHttp http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    /** The source's text, or why it is missing. */
    public Fetched fetch(RemoteSource source) {
        Key key = new Key(source.url(), source.headers());
        Instant now = clock.instant();
        Optional<String> cached = cache.get(key, now);
        if (cached.isPresent()) {
            return new Fetched(cached, Optional.empty());
        }
        OutboundHttp.Outcome outcome = http.send(new OutboundHttp.Request("GET", source.url(), source.headers(),
                Optional.empty(), TIMEOUT));
        return switch (outcome) {
            case OutboundHttp.Outcome.Answered answered when answered.ok() -> {
                cache.put(key, answered.body(), now.plus(source.cacheDuration()), now);
                yield new Fetched(Optional.of(answered.body()), Optional.empty());
            }
            case OutboundHttp.Outcome.Answered answered -> failed(source, "HTTP " + answered.status());
            case OutboundHttp.Outcome.Refused refused -> failed(source, refused.reason());
            case OutboundHttp.Outcome.Failed failed -> failed(source, failed.reason());
        };
    }

    private static Fetched failed(RemoteSource source, String why) {
        return new Fetched(Optional.empty(), Optional.of(source.name() + ": " + why));
    }

    public record Fetched(Optional<String> text, Optional<String> problem) {
    }

    private record Key(URI url, Map<String, String> headers) {
    }
}
