package io.olyx.bootstrap;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** The real wiring on a random loopback port with its own data directory, as `java -jar olyx.jar` would run it. */
final class RunningOlyx implements AutoCloseable {
    static final String OWNER_LOGIN_KEY = "lk_test_owner_login_key_0001";

    private final Olyx olyx;
    final ApiClient api;

    private RunningOlyx(Olyx olyx) {
        this.olyx = olyx;
        this.api = new ApiClient("http://127.0.0.1:" + olyx.port());
    }

    static RunningOlyx start(Path dataDir) {
        return start(dataDir, Map.of());
    }

    static RunningOlyx start(Path dataDir, Map<String, String> extraEnv) {
        return start(dataDir, extraEnv, Clock.systemUTC());
    }

    static RunningOlyx start(Path dataDir, Map<String, String> extraEnv, Clock clock) {
        Map<String, String> env = new HashMap<>();
        env.put("OLYX_HOST", "127.0.0.1");
        env.put("OLYX_PORT", "0");
        env.put("OLYX_DATA_DIR", dataDir.toString());
        env.put("OLYX_OWNER_LOGIN_KEY", OWNER_LOGIN_KEY);
        env.putAll(extraEnv);
        return new RunningOlyx(Olyx.start(ConfigLoader.from(env), clock));
    }

    int port() {
        return olyx.port();
    }

    /** Logs in as the owner and returns a client carrying the session token. */
    ApiClient owner() {
        ApiClient.Response login = api.post("/api/v1/auth/login", Map.of("loginKey", OWNER_LOGIN_KEY));
        if (login.status() != 200) {
            throw new IllegalStateException("owner login failed: " + login);
        }
        return api.as(login.text("accessToken"));
    }

    /** Creates a project and a key for it; returns a client carrying the raw key. */
    Tenant newTenant(ApiClient owner, String name) {
        ApiClient.Response project = owner.post("/api/v1/projects", Map.of("project", Map.of("name", name)));
        long projectId = project.json().path("id").asLong();
        ApiClient.Response key = owner.post("/api/v1/keys", Map.of("name", name + " key", "project_id", projectId));
        return new Tenant(projectId, key.text("id"), key.text("raw_key"), api.as(key.text("raw_key")));
    }

    record Tenant(long projectId, String keyId, String rawKey, ApiClient client) {
    }

    @Override
    public void close() {
        olyx.close();
    }
}
