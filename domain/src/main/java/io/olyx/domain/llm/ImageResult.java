package io.olyx.domain.llm;

import java.util.List;
import java.util.Objects;

/** Generated images, each an https URL or a {@code data:} URL when the provider returned the bytes inline. */
public record ImageResult(List<String> images, String model) {
    public ImageResult {
        images = List.copyOf(images);
        Objects.requireNonNull(model, "model");
    }
}
