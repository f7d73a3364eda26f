package io.olyx.adapter.search;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Maps an opaque index key to a directory name under the root: letters, digits, '-' and '_' stay, every other
 * byte becomes {@code ~XX}. Reversible, collision-free, and no key can climb out of the root ("../x" is
 * encoded like any other text).
 */
final class IndexDirectories {

    private IndexDirectories() {
    }

    static Path resolve(Path root, String indexKey) {
        if (indexKey.isEmpty()) {
            throw new IllegalArgumentException("index key must not be empty");
        }
        StringBuilder name = new StringBuilder("ix_");
        for (byte b : indexKey.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_') {
                name.append(c);
            } else {
                name.append('~').append(String.format("%02x", b & 0xff));
            }
        }
        return root.resolve(name.toString());
    }
}
