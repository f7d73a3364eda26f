package io.olyx.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary directory for one harness run, deleted with everything in it when the JVM exits, Ctrl-C included. A
 * gateway run leaves about a gigabyte of database behind, and a disk filled by earlier runs fails the next one.
 */
public final class ScratchDir {
    private ScratchDir() {
    }

    public static Path create(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir), "delete " + dir));
        return dir;
    }

    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
