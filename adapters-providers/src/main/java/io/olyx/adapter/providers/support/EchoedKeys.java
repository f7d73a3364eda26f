package io.olyx.adapter.providers.support;

import io.olyx.application.port.ProviderFailure;
import io.olyx.domain.llm.ModelEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's error text reaches API-key holders (the error answer, the step's attempts), who must never learn the
 * registry's provider key. Some providers and proxies quote the credential they were sent ("Invalid key Bearer
 * sk-..."), so the key, and each colon-separated part of a Bedrock {@code ID:SECRET:TOKEN} key, is masked out of the
 * text before the failure leaves the provider adapters.
 */
public final class EchoedKeys {
    static final String MASK = "********";
    /** Shorter parts would mask ordinary words; no real credential part is this short. */
    private static final int MIN_SECRET = 4;
    private static final String CUT = "…";

    private EchoedKeys() {
    }

    public static ProviderFailure masked(ProviderFailure failure, ModelEndpoint endpoint) {
        if (endpoint.apiKey().isEmpty()) {
            return failure;
        }
        String message = failure.providerMessage();
        String masked = masked(message, endpoint.apiKey().get());
        return masked.equals(message) ? failure : failure.withProviderMessage(masked);
    }

    static String masked(String text, String key) {
        String out = text;
        for (String secret : secrets(key)) {
            out = withoutCutTail(out.replace(secret, MASK), secret);
        }
        return out;
    }

    private static List<String> secrets(String key) {
        List<String> secrets = new ArrayList<>(List.of(key));
        for (String part : key.split(":")) {
            if (part.length() >= MIN_SECRET && !part.equals(key)) {
                secrets.add(part);
            }
        }
        return secrets;
    }

    /** A message shortened to its length limit ends in "…", perhaps right after the first characters of a key. */
    private static String withoutCutTail(String text, String secret) {
        if (!text.endsWith(CUT)) {
            return text;
        }
        String kept = text.substring(0, text.length() - CUT.length());
        for (int n = Math.min(secret.length() - 1, kept.length()); n >= MIN_SECRET; n--) {
            if (kept.endsWith(secret.substring(0, n))) {
                return kept.substring(0, kept.length() - n) + MASK + CUT;
            }
        }
        return text;
    }
}
