package io.olyx.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Turns OLYX_* environment variables into an {@link OlyxConfig}; a bad value stops the start with a clear message. */
public final class ConfigLoader {
    private final Map<String, String> env;

    private ConfigLoader(Map<String, String> env) {
        this.env = env;
    }

    public static OlyxConfig fromEnvironment() {
        return from(System.getenv());
    }

    public static OlyxConfig from(Map<String, String> env) {
        return new ConfigLoader(env).load();
    }

    private OlyxConfig load() {
        return new OlyxConfig(
                new OlyxConfig.Server(text("OLYX_HOST").orElse("0.0.0.0"), integer("OLYX_PORT", 4000, 0, 65535),
                        integer("OLYX_MAX_BODY_BYTES", 8 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                        integer("OLYX_MAX_UPLOAD_BYTES", 32 * 1024 * 1024, 1024, Integer.MAX_VALUE),
                        Duration.ofSeconds(integer("OLYX_IDLE_TIMEOUT_SECONDS", 30, 1, 3600))),
                new OlyxConfig.Storage(Path.of(text("OLYX_DATA_DIR").orElse("olyx-data")),
                        text("OLYX_DATABASE_URL"), text("OLYX_DATABASE_USER").orElse(""),
                        text("OLYX_DATABASE_PASSWORD").orElse(""), integer("OLYX_DATABASE_POOL_SIZE", 16, 1, 500)),
                new OlyxConfig.Security(text("OLYX_MASTER_KEY"), text("OLYX_OWNER_LOGIN_KEY"),
                        Duration.ofSeconds(integer("OLYX_KEY_CACHE_SECONDS", 5, 0, 3600)),
                        integer("OLYX_LOGIN_ATTEMPTS_PER_MINUTE", 10, 1, 10_000)),
                new OlyxConfig.Rag(integer("OLYX_RAG_INDEX_BATCH", 256, 1, 10_000),
                        integer("OLYX_EMBEDDER_THREADS", 0, 0, 256)),
                new OlyxConfig.Gateways(text("OLYX_OUTBOUND_ALLOW").orElse(""),
                        Duration.ofSeconds(integer("OLYX_CALLBACK_TIMEOUT_SECONDS", 15, 1, 600)),
                        Duration.ofMillis(integer("OLYX_SSE_PING_MS", 5000, 100, 600_000))));
    }

    private Optional<String> text(String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    private int integer(String name, int fallback, int min, int max) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed < min || parsed > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (got " + parsed + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number (got \"" + value.get() + "\")");
        }
    }

    public static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }
}
