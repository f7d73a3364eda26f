package io.olyx.domain.model;

import io.olyx.domain.common.InvalidInput;

/**
 * What a provider API key may be before it is sealed: it travels in a request header (or a signature), so it is
 * printable ASCII, and it is bounded so that its sealed form always fits where it is stored. Long bearer tokens
 * (several kilobytes) fit.
 */
public final class ProviderKey {
    public static final int MAX_LENGTH = 8192;

    private ProviderKey() {
    }

    public static void validate(String key, String field) {
        InvalidInput.require(key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e), field,
                field + " must be at most " + MAX_LENGTH + " printable ASCII characters");
    }
}
