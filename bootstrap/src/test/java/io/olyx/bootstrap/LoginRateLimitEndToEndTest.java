package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginRateLimitEndToEndTest {
    @TempDir
    Path dataDir;

    @Test
    void theEleventhLoginAttemptInAMinuteIsRateLimited() {
        try (RunningOlyx olyx = RunningOlyx.start(dataDir)) {
            for (int i = 0; i < 10; i++) {
                assertThat(olyx.api.post("/api/v1/auth/login", Map.of("loginKey", "guess-" + i)).status())
                        .isEqualTo(400);
            }
            ApiClient.Response limited = olyx.api.post("/api/v1/auth/login",
                    Map.of("loginKey", RunningOlyx.OWNER_LOGIN_KEY));
            ApiErrorsEndToEndTest.assertError(limited, 429, "rate_limited");
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
    }
}
