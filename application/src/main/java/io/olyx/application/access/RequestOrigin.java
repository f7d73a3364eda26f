package io.olyx.application.access;

/** Where a request came from, for the audit trail and per-address limits. */
public record RequestOrigin(String ip, String userAgent) {
    public RequestOrigin {
        ip = ip == null ? "" : ip;
        userAgent = userAgent == null ? "" : userAgent;
    }

    public static RequestOrigin internal() {
        return new RequestOrigin("internal", "olyx");
    }
}
