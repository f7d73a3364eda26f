package io.olyx.bootstrap.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** How long a replay wait may poll before giving up (the job keeps running on the server). */
final class WaitOption {
    @Option(names = "--max-wait", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "30m",
            description = "stop polling after this much waiting (default: ${DEFAULT-VALUE}); exit 9")
    Duration maxWait;
}
