package io.olyx.adapter.providers;

import io.olyx.fixtures.provider.FakeProviderServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** A test class's fake provider (reset before each test) and the gateway wired as bootstrap wires it. */
public abstract class AgainstFakeProvider {
    protected static FakeProviderServer fake;
    protected static ProviderGateway gateway;

    @BeforeAll
    static void startFakeProvider() {
        fake = FakeProviderServer.start();
        gateway = TestProviders.gateway();
    }

    @AfterAll
    static void stopFakeProvider() {
        gateway.close();
        fake.close();
    }

    @BeforeEach
    void resetFakeProvider() {
        fake.reset();
    }
}
