package io.olyx.bootstrap.cli;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/** Ids into path segments and values into query strings, always encoded (ids are opaque: seed 002). */
final class UrlParts {
    private UrlParts() {
    }

    static String segment(String value) {
        return encode(value);
    }

    /** "?a=1&b=2" from the present values, or "" when none is. */
    static String query(Map<String, Optional<?>> parameters) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        parameters.forEach((name, value) -> value.ifPresent(v -> query.add(name + "=" + encode(v.toString()))));
        return query.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
