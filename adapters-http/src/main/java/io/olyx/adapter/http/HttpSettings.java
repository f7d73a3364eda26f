package io.olyx.adapter.http;

import java.time.Duration;

/**
 * Where the API listens and how much it accepts: any body up to {@code maxBodyBytes}, a JSONL upload more. A request
 * whose body stops arriving (or whose client stops reading the answer) for {@code idleTimeout} is given up.
 */
public record HttpSettings(String host, int port, long maxBodyBytes, long maxUploadBytes, Duration idleTimeout) {
    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1 KiB");
        }
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("the upload limit must be at least 1 KiB");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("the idle timeout must be positive");
        }
    }
}
