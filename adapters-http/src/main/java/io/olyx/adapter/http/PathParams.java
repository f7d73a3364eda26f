package io.olyx.adapter.http;

import io.javalin.http.Context;
import io.olyx.domain.common.PageRequest;
import java.util.Optional;
import java.util.function.Function;

/** Typed path and query parameters; a malformed id reads as "not found", as an unknown one would. */
public final class PathParams {
    private PathParams() {
    }

    public static <T> T id(Context ctx, String name, Function<String, Optional<T>> parser, String what) {
        return parser.apply(ctx.pathParam(name)).orElseThrow(() -> ApiError.notFound(what));
    }

    public static PageRequest page(Context ctx) {
        int page = intQuery(ctx, "page").orElse(1);
        int perPage = intQuery(ctx, "per_page").orElse(PageRequest.DEFAULT_PER_PAGE);
        if (page < 1 || perPage < 1 || perPage > PageRequest.MAX_PER_PAGE) {
            throw ApiError.invalid("page must be 1 or more and per_page between 1 and " + PageRequest.MAX_PER_PAGE);
        }
        return new PageRequest(page, perPage);
    }

    public static Optional<Integer> intQuery(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name + " must be a whole number");
        }
    }

    /** A flag in the query: {@code true} or {@code false}, absent or empty meaning not given. */
    public static Optional<Boolean> boolQuery(Context ctx, String name) {
        return query(ctx, name).map(value -> switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalid(name + " must be true or false");
        });
    }

    public static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }
}
