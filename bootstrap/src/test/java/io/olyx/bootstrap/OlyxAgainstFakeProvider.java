package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.fixtures.provider.FakeProviderServer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * An end-to-end test class's world: a fake provider on loopback and one real Olyx on its own data directory, with
 * the owner's session. Subclasses add their tenants and models in their own {@code @BeforeAll}, which runs after
 * this one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OlyxAgainstFakeProvider {
    @TempDir
    static Path dataDir;

    FakeProviderServer provider;
    RunningOlyx olyx;
    ApiClient owner;

    /** Starts both and checks the world is fresh: Olyx up and healthy, no provider call made by starting it. */
    @BeforeAll
    void startProviderAndOlyx() {
        provider = FakeProviderServer.start();
        olyx = RunningOlyx.start(dataDir);
        owner = olyx.owner();
        ApiClient.Response up = owner.anonymous().get("/up");
        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertThat(up.text("status")).isEqualTo("ok");
        assertThat(provider.requestCount()).as("starting Olyx calls no model").isZero();
    }

    @AfterAll
    void stopOlyxAndProvider() {
        olyx.close();
        provider.close();
    }
}
