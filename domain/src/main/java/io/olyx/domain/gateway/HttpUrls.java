package io.olyx.domain.gateway;

import io.olyx.domain.common.InvalidInput;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Absolute http(s) URLs for outbound calls; the host is checked against the outbound policy when called. */
final class HttpUrls {
    private HttpUrls() {
    }

    static URI absolute(JsonFields fields, String field) {
        String name = fields.name(field);
        String text = fields.requireText(field);
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            InvalidInput.require((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null, name,
                    name + " must be an absolute http or https URL");
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInput(name, name + " must be an absolute http or https URL");
        }
    }
}
