package io.olyx.bootstrap.cli;

import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** --idempotency-key for commands that create work; without it a key is generated once per command. */
final class IdempotencyOption {
    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Idempotency-Key sent with every retry of this request (default: generated)")
    String key;

    String orElse(Supplier<String> generated) {
        return key == null ? generated.get() : IdempotencyKeys.checked(key);
    }

    boolean given() {
        return key != null;
    }
}
