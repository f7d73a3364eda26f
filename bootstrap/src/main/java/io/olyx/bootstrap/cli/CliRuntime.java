package io.olyx.bootstrap.cli;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * What the CLI takes from the machine it runs on: environment variables (defaults for --url, --api-key, ...), the
 * sleeper behind backoff and polling, the jitter source, the clock (HTTP-date Retry-After) and stdin (input "-").
 */
public record CliRuntime(Map<String, String> env, Sleeper sleeper, DoubleSupplier jitter, Clock clock,
                         InputStream stdin) {
    public CliRuntime {
        env = Map.copyOf(env);
        Objects.requireNonNull(sleeper, "sleeper");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(stdin, "stdin");
    }

    /** Sleeps; an interrupt (Ctrl-C in a poll) ends the command instead of being swallowed. */
    void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            throw CliFailure.interrupted();
        }
    }

    public static CliRuntime system() {
        return new CliRuntime(System.getenv(), Sleeper.system(), () -> ThreadLocalRandom.current().nextDouble(),
                Clock.systemUTC(), System.in);
    }
}
