package io.olyx.domain.admission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two agent requests "the same" for loop detection: the whole conversation (every message, tool call and
 * tool result, in order) after normalising what varies between otherwise identical retries: case, white space,
 * and volatile tokens such as timestamps, UUIDs and long numbers. A legitimate tool loop differs from round to round
 * (new tool results), so it never collides; an agent re-sending the same turn does.
 */
public final class RequestFingerprint {
    private static final Pattern UUID = Pattern.compile(
            "\\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\b\\d{4}-\\d{2}-\\d{2}[t ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(z|[+-]\\d{2}:?\\d{2})?\\b");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\b\\d{6,}\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private RequestFingerprint() {
    }

    /** @param parts the request's texts in order (role-tagged messages, tool call names and arguments). */
    public static String of(List<String> parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(normalise(part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String normalise(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String noIds = UUID.matcher(lower).replaceAll("<id>");
        String noTimes = TIMESTAMP.matcher(noIds).replaceAll("<time>");
        String noNumbers = LONG_NUMBER.matcher(noTimes).replaceAll("<n>");
        return SPACE.matcher(noNumbers).replaceAll(" ").strip();
    }
}
