package io.olyx.domain.common;

import java.util.List;
import java.util.function.Function;

public record Page<T>(List<T> items, PageRequest request, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), request, total);
    }
}
