package io.olyx.domain.gateway;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resource fetched over HTTP with its own headers and kept for {@code cacheDuration}: a system-instruction or
 * skill-instruction source (its body is instruction text) or an MCP server (its tools).
 */
public record RemoteSource(String name, Optional<String> description, URI url, Map<String, String> headers,
                           Duration cacheDuration) {
    public static final Duration DEFAULT_CACHE = Duration.ofMinutes(10);

    public RemoteSource {
        Objects.requireNonNull(name, "name");
        description = description == null ? Optional.empty() : description;
        Objects.requireNonNull(url, "url");
        headers = Map.copyOf(headers);
        Objects.requireNonNull(cacheDuration, "cacheDuration");
    }

    static RemoteSource read(JsonFields source) {
        String name = source.requireText("name");
        InvalidInput.require(Characters.count(name.strip()) >= 3, source.name("name"),
                source.name("name") + " must be at least 3 characters");
        int seconds = source.wholeNumber("cacheDuration").orElse((int) DEFAULT_CACHE.toSeconds());
        return new RemoteSource(name.strip(), source.text("description"), HttpUrls.absolute(source, "url"),
                source.stringMap("headers"), Duration.ofSeconds(Math.max(0, seconds)));
    }
}
