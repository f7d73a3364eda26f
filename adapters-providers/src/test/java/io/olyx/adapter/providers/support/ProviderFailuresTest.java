package io.olyx.adapter.providers.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.application.port.ProviderFailure;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProviderFailuresTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-12T09:00:00Z"), ZoneOffset.UTC);

    private static String message(String body) {
        return ProviderFailures.errorMessage(body.getBytes(StandardCharsets.UTF_8), JSON);
    }

    @Test
    void readsEachProvidersErrorShape() {
        assertThat(message("{\"error\":{\"message\":\"Incorrect API key\",\"type\":\"invalid_request_error\"}}"))
                .isEqualTo("invalid_request_error: Incorrect API key");
        assertThat(message("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"))
                .isEqualTo("overloaded_error: Overloaded");
        assertThat(message("{\"error\":{\"code\":429,\"message\":\"Quota exceeded\",\"status\":\"RESOURCE_EXHAUSTED\"}}"))
                .isEqualTo("RESOURCE_EXHAUSTED: Quota exceeded");
        assertThat(message("{\"message\":\"Too many requests\"}")).isEqualTo("Too many requests");
        assertThat(message("upstream connect error")).isEqualTo("upstream connect error");
    }

    @Test
    void readsRetryAfterInSecondsMillisecondsOrAsADate() {
        assertThat(ProviderFailures.retryAfter(headers(Map.of("retry-after", List.of("12"))), CLOCK))
                .contains(Duration.ofSeconds(12));
        assertThat(ProviderFailures.retryAfter(headers(Map.of("retry-after-ms", List.of("1500"),
                "retry-after", List.of("2"))), CLOCK)).contains(Duration.ofMillis(1500));
        assertThat(ProviderFailures.retryAfter(headers(Map.of("retry-after",
                List.of("Sun, 12 Apr 2026 09:00:30 GMT"))), CLOCK)).contains(Duration.ofSeconds(30));
        assertThat(ProviderFailures.retryAfter(headers(Map.of("retry-after", List.of("soon"))), CLOCK)).isEmpty();
    }

    @Test
    void letsBedrockErrorTypesRefineTheStatus() {
        assertThat(ProviderFailures.kindOf(400, Optional.of("ThrottlingException")))
                .isEqualTo(ProviderFailure.Kind.RATE_LIMITED);
        assertThat(ProviderFailures.kindOf(424, Optional.empty())).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
        assertThat(ProviderFailures.kindOf(408, Optional.empty())).isEqualTo(ProviderFailure.Kind.TIMEOUT);
        assertThat(ProviderFailures.kindOf(529, Optional.empty())).isEqualTo(ProviderFailure.Kind.SERVER_ERROR);
        assertThat(ProviderFailures.kindOf(404, Optional.empty())).isEqualTo(ProviderFailure.Kind.CLIENT_ERROR);
    }

    private static HttpHeaders headers(Map<String, List<String>> values) {
        return HttpHeaders.of(values, (a, b) -> true);
    }
}
