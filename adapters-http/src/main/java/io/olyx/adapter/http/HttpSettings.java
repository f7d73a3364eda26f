package io.olyx.adapter.http;

/** Where the API listens and how much it accepts: any body up to {@code maxBodyBytes}, a JSONL upload more. */
public record HttpSettings(String host, int port, long maxBodyBytes, long maxUploadBytes) {
    public HttpSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535");
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("the body limit must be at least 1 KiB");
        }
        if (maxUploadBytes < 1024) {
            throw new IllegalArgumentException("the upload limit must be at least 1 KiB");
        }
    }
}
