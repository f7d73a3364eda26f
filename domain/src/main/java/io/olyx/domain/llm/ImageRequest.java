package io.olyx.domain.llm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A text-to-image request. Size is WIDTHxHEIGHT in pixels; quality and style are passed where supported. */
public record ImageRequest(String prompt, String size, int n, Optional<String> quality, Optional<String> style) {
    public static final String DEFAULT_SIZE = "1024x1024";
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    public ImageRequest {
        if (prompt == null || prompt.isBlank()) {
            throw new IllegalArgumentException("an image prompt is required");
        }
        size = size == null ? DEFAULT_SIZE : size;
        if (!SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("size must look like 1024x1024");
        }
        if (n < 1 || n > 10) {
            throw new IllegalArgumentException("n must be between 1 and 10");
        }
        quality = quality == null ? Optional.empty() : quality;
        style = style == null ? Optional.empty() : style;
    }

    public static ImageRequest of(String prompt) {
        return new ImageRequest(prompt, DEFAULT_SIZE, 1, Optional.empty(), Optional.empty());
    }

    public int width() {
        return dimension(1);
    }

    public int height() {
        return dimension(2);
    }

    private int dimension(int group) {
        Matcher m = SIZE.matcher(size);
        if (!m.matches()) {
            throw new IllegalStateException("size was validated");
        }
        return Integer.parseInt(m.group(group));
    }
}
