package io.olyx.bootstrap;

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

    @BeforeAll
    void startProviderAndOlyx() {
        provider = FakeProviderServer.start();
        olyx = RunningOlyx.start(dataDir);
        owner = olyx.owner();
    }

    @AfterAll
    void stopOlyxAndProvider() {
        olyx.close();
        provider.close();
    }
}
