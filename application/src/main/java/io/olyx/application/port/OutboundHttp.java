package io.olyx.application.port;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * HTTP calls a gateway makes on its own (protocol-function callbacks, MCP servers, instruction sources). The
 * implementation applies the outbound policy (no private addresses unless allowed), follows no redirects and
 * bounds every call by its timeout, so a slow or hostile endpoint can neither reach inside nor hang a request.
 */
@FunctionalInterface
public interface OutboundHttp {
    Outcome send(Request request);

    record Request(String method, URI url, Map<String, String> headers, Optional<String> jsonBody,
                   Duration timeout) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            headers = Map.copyOf(headers);
            Objects.requireNonNull(jsonBody, "jsonBody");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    sealed interface Outcome {
        /** Any HTTP status; {@code headers} keys are lower-case; the body is cut at the implementation's limit. */
        record Answered(int status, Map<String, String> headers, String body) implements Outcome {
            public Answered {
                headers = Map.copyOf(headers);
                Objects.requireNonNull(body, "body");
            }

            public boolean ok() {
                return status >= 200 && status < 300;
            }
        }

        /** The outbound policy refused the address; nothing was sent. */
        record Refused(String reason) implements Outcome {
        }

        /** Connect failure, timeout or broken response. */
        record Failed(String reason) implements Outcome {
        }
    }
}
