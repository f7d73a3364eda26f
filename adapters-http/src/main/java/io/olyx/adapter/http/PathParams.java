package io.olyx.adapter.http;

import io.javalin.http.Context;
import io.olyx.domain.common.JsonValues;
import io.olyx.domain.common.PageRequest;
import io.olyx.domain.project.ProjectId;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Typed path and query parameters; a malformed id reads as "not found", as an unknown one would. */
public final class PathParams {
    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]+");
    /** JSON's number grammar, with the leading {@code +} that whole-number query values always took. */
    private static final Pattern JSON_NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private PathParams() {
    }

    public static <T> T id(Context ctx, String name, Function<String, Optional<T>> parser, String what) {
        return parser.apply(ctx.pathParam(name)).orElseThrow(() -> ApiError.notFound(what));
    }

    public static PageRequest page(Context ctx) {
        return new PageRequest(intQuery(ctx, "page", 1, Integer.MAX_VALUE).orElse(1),
                intQuery(ctx, "per_page", 1, PageRequest.MAX_PER_PAGE).orElse(PageRequest.DEFAULT_PER_PAGE));
    }

    public static Optional<Integer> intQuery(Context ctx, String name) {
        return intQuery(ctx, name, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * A whole number from {@code min} to {@code max}, in any spelling a JSON body takes for one ({@code 2}, {@code 2.0},
     * {@code 1e3}), so {@code ?page=2.0} means what {@code "page": 2.0} does; {@code 2.5} is not one. A number beyond
     * the range is told the range, not "not a number".
     */
    public static Optional<Integer> intQuery(Context ctx, String name, int min, int max) {
        return intQuery(ctx, name, min, max, "");
    }

    /** As above, the range told with its unit ({@code " hours"}). */
    public static Optional<Integer> intQuery(Context ctx, String name, int min, int max, String unit) {
        return query(ctx, name).map(String::trim).map(value -> {
            BigDecimal number = decimal(value).filter(JsonValues::isWholeNumber)
                    .orElseThrow(() -> ApiError.invalid(name + " must be a whole number"));
            if (number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw ApiError.invalid(name + " must be between " + min + " and " + max + unit);
            }
            return number.intValueExact();
        });
    }

    /** The optional {@code project_id} filter: a project id, else 422 whatever the value (too large included). */
    public static Optional<ProjectId> projectQuery(Context ctx) {
        return query(ctx, "project_id").map(id -> ProjectId.parse(id.trim())
                .orElseThrow(() -> ApiError.invalid("project_id must be a project id")));
    }

    /** An optional row id in the query (a cursor): a whole number from 1, as ids are, else 422 naming {@code what}. */
    public static Optional<Long> idQuery(Context ctx, String name, String what) {
        return query(ctx, name).map(String::trim).map(value -> {
            BigInteger id = WHOLE.matcher(value).matches() ? new BigInteger(value) : BigInteger.ZERO;
            if (id.signum() < 1 || id.bitLength() >= Long.SIZE) {
                throw ApiError.invalid(name + " must be " + what);
            }
            return id.longValue();
        });
    }

    /** A flag in the query: {@code true} or {@code false}, absent or empty meaning not given. */
    public static Optional<Boolean> boolQuery(Context ctx, String name) {
        return query(ctx, name).map(value -> switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.invalid(name + " must be true or false");
        });
    }

    /** A decimal number as JSON writes one (no "NaN", no hexadecimal), empty when {@code value} is none. */
    private static Optional<BigDecimal> decimal(String value) {
        if (!JSON_NUMBER.matcher(value).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BigDecimal(value));
        } catch (NumberFormatException exponentOutOfRange) {
            return Optional.empty();
        }
    }

    public static Optional<String> query(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).filter(s -> !s.isBlank());
    }
}
