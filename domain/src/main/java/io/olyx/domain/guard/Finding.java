package io.olyx.domain.guard;

import java.util.Objects;

/**
 * One piece of evidence found in a text: a span {@code [start, end)} in Java {@code String} indices of the
 * scanned text, a lowercase snake_case type ("email", "person", "instruction_override", "aws_access_key"...)
 * and a confidence in 0..1.
 */
public record Finding(FindingCategory category, String type, int start, int end, double confidence) {

    public Finding {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
        if (!(confidence >= 0.0 && confidence <= 1.0)) {
            throw new IllegalArgumentException("confidence must be in 0..1: " + confidence);
        }
    }

    public int length() {
        return end - start;
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
