package io.olyx.bootstrap.cli;

/** Trace and job ids are opaque strings returned by Olyx (seed 002): non-empty, no spaces, nothing else assumed. */
final class OpaqueId {
    private OpaqueId() {
    }

    static String checked(String kind, String value) {
        if (!value.matches("\\p{Graph}{1,200}")) {
            throw CliFailure.usage("a " + kind + " id is a non-empty opaque string without spaces, as Olyx returned it");
        }
        return value;
    }
}
