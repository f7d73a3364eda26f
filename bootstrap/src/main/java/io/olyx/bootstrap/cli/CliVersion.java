package io.olyx.bootstrap.cli;

import io.olyx.bootstrap.Main;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The CLI ships in the server jar, so it carries the jar's version (sent as User-Agent: olyx-cli/VERSION): the
 * manifest's Implementation-Version, else the Maven descriptor the jar carries, else "dev" (classes on disk).
 */
final class CliVersion implements IVersionProvider {
    private static final String POM = "/META-INF/maven/io.olyx/olyx-bootstrap/pom.properties";

    static String current() {
        return Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
                .or(CliVersion::fromMavenDescriptor).orElse("dev");
    }

    static String userAgent() {
        return "olyx-cli/" + current();
    }

    private static Optional<String> fromMavenDescriptor() {
        try (InputStream in = Main.class.getResourceAsStream(POM)) {
            if (in == null) {
                return Optional.empty();
            }
            Properties properties = new Properties();
            properties.load(in);
            return Optional.ofNullable(properties.getProperty("version"));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {userAgent()};
    }
}
