package io.olyx.adapter.providers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.olyx.domain.llm.ModelEndpoint;
import io.olyx.domain.llm.ProviderKind;
import io.olyx.fixtures.provider.FakeProviderServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/** A gateway wired as bootstrap wires it, and endpoints of every kind pointing at a fake provider. */
public final class TestProviders {
    /** The SigV4 test suite's moment, so Bedrock signatures are reproducible. */
    public static final Instant SIGNING_TIME = Instant.parse("2015-08-30T12:36:00Z");
    public static final String AWS_KEY = "AKIDEXAMPLE";
    public static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private TestProviders() {
    }

    public static ProviderGateway gateway() {
        return new ProviderGateway(ProviderGateway.sharedHttpClient(), new ObjectMapper(),
                Clock.fixed(SIGNING_TIME, ZoneOffset.UTC));
    }

    public static ModelEndpoint endpoint(ProviderKind kind, FakeProviderServer fake) {
        String base = fake.baseUrl();
        return switch (kind) {
            case OPENAI -> ModelEndpoint.of(kind, "gpt-4o", Optional.of(base + "/v1"), Optional.of("sk-test"),
                    Map.of());
            case INTERNAL -> ModelEndpoint.of(kind, "llama3.1:8b", Optional.of(base), Optional.empty(), Map.of());
            case AZURE -> ModelEndpoint.of(kind, "gpt-4o", Optional.of(base), Optional.of("azure-key"),
                    Map.of("deployment", "prod-4o", "api_version", "2024-10-21"));
            case ANTHROPIC -> ModelEndpoint.of(kind, "claude-3-5-haiku-latest", Optional.of(base),
                    Optional.of("sk-ant-test"), Map.of());
            case GEMINI -> ModelEndpoint.of(kind, "gemini-2.0-flash", Optional.of(base), Optional.of("goog-key"),
                    Map.of());
            case BEDROCK -> ModelEndpoint.of(kind, "anthropic.claude-3-haiku-20240307-v1:0", Optional.of(base),
                    Optional.of(AWS_KEY + ":" + AWS_SECRET), Map.of("region", "us-east-1"));
            case SANDBOX -> ModelEndpoint.of(kind, "sandbox");
        };
    }

    /** A loopback port nobody listens on. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
