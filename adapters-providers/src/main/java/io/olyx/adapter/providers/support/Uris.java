package io.olyx.adapter.providers.support;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ProviderKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/** Small URL helpers; base URLs come from users, so they are validated here rather than trusted. */
public final class Uris {
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    private Uris() {
    }

    /** The base without trailing slashes; a base that is not an absolute http(s) URL is the caller's error. */
    public static String base(ProviderKind provider, String base) {
        String trimmed = base.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                    || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                throw invalid(provider, base);
            }
        } catch (URISyntaxException e) {
            throw invalid(provider, base);
        }
        return trimmed;
    }

    public static URI uri(ProviderKind provider, String url) {
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(provider, url);
        }
    }

    /** RFC 3986 percent-encoding of one path segment: everything but unreserved characters. */
    public static String encodeSegment(String segment) {
        StringBuilder out = new StringBuilder();
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
            }
        }
        return out.toString();
    }

    private static ProviderFailure invalid(ProviderKind provider, String url) {
        return ProviderFailure.of(ProviderFailure.Kind.CLIENT_ERROR, provider,
                "the model's base_url is not an absolute http(s) URL: " + url);
    }
}
