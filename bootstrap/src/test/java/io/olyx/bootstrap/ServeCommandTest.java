package io.olyx.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an operator meets when a start goes wrong, and the settings the help and the README list. */
class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void aBadSettingStopsTheStartWithExitCodeTwo() {
        assertThat(new ServeCommand(env(Map.of("OLYX_PORT", "abc"))).call()).isEqualTo(2);
    }

    @Test
    void aPortInUseStopsTheStartBeforeAnythingIsCreated() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int exit = new ServeCommand(env(Map.of("OLYX_PORT", String.valueOf(taken.getLocalPort())))).call();

            assertThat(exit).isEqualTo(1);
            try (var created = Files.list(dir.resolve("data"))) {
                assertThat(created).as("no database, no master key").isEmpty();
            }
        }
    }

    @Test
    void aDataDirectoryThatCannotBeCreatedIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");

        assertThat(StartChecks.problem(ConfigLoader.from(Map.of("OLYX_DATA_DIR", file.resolve("data").toString()))))
                .hasValueSatisfying(problem -> assertThat(problem).contains("OLYX_DATA_DIR", file.toString()));
    }

    /** The owner's login key is shown once, by the start that creates the owner, also when that start fails. */
    @Test
    void aFirstStartThatFailsAfterCreatingTheOwnerStillHandsOverItsLoginKey() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Map<String, String> busy = env(Map.of("OLYX_PORT", String.valueOf(taken.getLocalPort())));

            assertThatThrownBy(() -> Olyx.start(ConfigLoader.from(busy), Clock.systemUTC()))
                    .isInstanceOfSatisfying(Olyx.StartFailed.class, failed -> {
                        assertThat(failed.createdOwnerLoginKey()).isPresent();
                        assertThat(StartChecks.reason(failed)).contains("OLYX_PORT");
                    });
        }
    }

    @Test
    void misspelledVariablesAreTheOnlyOnesCalledUnknown() {
        assertThat(Setting.unknown("OLYX_PROT")).isTrue();
        assertThat(Setting.unknown("OLYX_PORT")).isFalse();
        assertThat(Setting.unknown("OLYX_API_KEY")).as("the command-line client's").isFalse();
        assertThat(Setting.unknown("OLYX_JAVA_OPTS")).as("bin/olyx's").isFalse();
        assertThat(Setting.unknown("PATH")).isFalse();
    }

    @Test
    void theHelpAndTheReadmeListTheSameSettings() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String configuration = readme.substring(readme.indexOf("## Configuration"),
                readme.indexOf("##", readme.indexOf("## Configuration") + 2));
        Set<String> documented = variables(configuration.lines().filter(line -> line.startsWith("| `OLYX_"))
                .collect(Collectors.joining("\n")));
        Set<String> inHelp = variables(String.join("\n", Setting.helpTable()));

        assertThat(documented).filteredOn(Setting::unknown).as("documented but not read").isEmpty();
        assertThat(inHelp).isEqualTo(Arrays.stream(Setting.values()).map(Setting::variable)
                .collect(Collectors.toSet()));
        assertThat(documented).containsAll(inHelp);
    }

    private static Set<String> variables(String text) {
        Matcher matcher = Pattern.compile("OLYX_[A-Z_]+").matcher(text);
        return matcher.results().map(m -> m.group()).collect(Collectors.toSet());
    }

    private Map<String, String> env(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of("OLYX_HOST", "127.0.0.1",
                "OLYX_DATA_DIR", dir.resolve("data").toString()));
        env.putAll(extra);
        return env;
    }
}
