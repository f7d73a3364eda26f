package io.olyx.bootstrap.cli;

import java.time.Duration;
import java.util.Optional;

/** The global options once resolved against the environment (an explicit option wins over its variable). */
record GlobalOptions(String url, Optional<String> apiKey, Optional<String> sessionToken, boolean json,
                     Duration timeout, int retries) {
    static final String DEFAULT_URL = "http://localhost:4000";

    void validate() {
        if (retries < 0) {
            throw CliFailure.usage("--retries must be 0 or more");
        }
    }
}
