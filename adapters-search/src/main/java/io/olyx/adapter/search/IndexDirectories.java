package io.olyx.adapter.search;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Maps an opaque index key to a directory name under the root: letters, digits, '-' and '_' stay, every other
 * byte becomes {@code ~XX}. Reversible, collision-free, and no key can climb out of the root ("../x" is
 * encoded like any other text).
 */
final class IndexDirectories {

    private IndexDirectories() {
    }

    private static final String PREFIX = "ix_";
    private static final String HEX = "0123456789abcdef";

    static Path resolve(Path root, String indexKey) {
        if (indexKey.isEmpty()) {
            throw new IllegalArgumentException("index key must not be empty");
        }
        StringBuilder name = new StringBuilder(PREFIX);
        for (byte b : indexKey.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (plain(c)) {
                name.append(c);
            } else {
                name.append('~').append(String.format("%02x", b & 0xff));
            }
        }
        return root.resolve(name.toString());
    }

    private static boolean plain(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    /** The key a directory name stands for; empty for names {@link #resolve} never produces. */
    static Optional<String> decode(String directoryName) {
        if (!directoryName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String encoded = directoryName.substring(PREFIX.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (plain(c)) {
                bytes.write(c);
            } else if (c == '~' && i + 2 < encoded.length() && HEX.indexOf(encoded.charAt(i + 1)) >= 0
                    && HEX.indexOf(encoded.charAt(i + 2)) >= 0) {
                bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                return Optional.empty();
            }
        }
        String key = bytes.toString(StandardCharsets.UTF_8);
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
