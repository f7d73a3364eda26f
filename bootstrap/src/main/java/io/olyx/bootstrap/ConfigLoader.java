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
                new OlyxConfig.Server(text(Setting.HOST).orElseThrow(), integer(Setting.PORT, 0, 65535),
                        integer(Setting.MAX_BODY_BYTES, 1024, Integer.MAX_VALUE),
                        integer(Setting.MAX_UPLOAD_BYTES, 1024, Integer.MAX_VALUE),
                        Duration.ofSeconds(integer(Setting.IDLE_TIMEOUT_SECONDS, 1, 3600))),
                new OlyxConfig.Storage(Path.of(text(Setting.DATA_DIR).orElseThrow()),
                        text(Setting.DATABASE_URL), text(Setting.DATABASE_USER).orElse(""),
                        text(Setting.DATABASE_PASSWORD).orElse(""), integer(Setting.DATABASE_POOL_SIZE, 1, 500)),
                new OlyxConfig.Security(text(Setting.MASTER_KEY), text(Setting.OWNER_LOGIN_KEY),
                        Duration.ofSeconds(integer(Setting.KEY_CACHE_SECONDS, 0, 3600)),
                        integer(Setting.LOGIN_ATTEMPTS_PER_MINUTE, 1, 10_000)),
                new OlyxConfig.Rag(integer(Setting.RAG_INDEX_BATCH, 1, 10_000),
                        integer(Setting.EMBEDDER_THREADS, 0, 256)),
                new OlyxConfig.Gateways(text(Setting.OUTBOUND_ALLOW).orElse(""),
                        Duration.ofSeconds(integer(Setting.CALLBACK_TIMEOUT_SECONDS, 1, 600)),
                        Duration.ofMillis(integer(Setting.SSE_PING_MS, 100, 600_000))));
    }

    /** The variable's value, else its default. */
    private Optional<String> text(Setting setting) {
        return Optional.ofNullable(env.get(setting.variable())).map(String::trim).filter(s -> !s.isEmpty())
                .or(setting::fallback);
    }

    private int integer(Setting setting, int min, int max) {
        String value = text(setting).orElseThrow();
        String name = setting.variable();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + " (got " + parsed + ")");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number (got \"" + value + "\")");
        }
    }

    public static final class ConfigException extends RuntimeException {
        ConfigException(String message) {
            super(message);
        }
    }
}
