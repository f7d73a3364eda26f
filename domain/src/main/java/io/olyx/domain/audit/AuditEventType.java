package io.olyx.domain.audit;

/** The event names Olyx records; the wire name is the lowercase constant. */
public enum AuditEventType {
    LOGIN_SUCCESS, LOGIN_FAILED, LOGIN_RATE_LIMITED, LOGOUT, PERIMETER_BLOCK,
    ACCOUNT_CREATED, ACCOUNT_UPDATED,
    PROJECT_CREATED, PROJECT_UPDATED, PROJECT_DELETED,
    KEY_CREATED, KEY_UPDATED, KEY_REVOKED, KEY_TRIPPED, KEY_LOOP_DETECTED,
    MODEL_CREATED, MODEL_UPDATED, MODEL_DELETED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
