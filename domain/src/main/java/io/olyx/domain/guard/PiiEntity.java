package io.olyx.domain.guard;

import java.util.Objects;

/** A PII span as the API reports it: {"type": "email", "start": 12, "end": 30}, end exclusive. */
public record PiiEntity(String type, int start, int end) {

    public PiiEntity {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }
}
