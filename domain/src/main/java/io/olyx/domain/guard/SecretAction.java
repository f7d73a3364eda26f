package io.olyx.domain.guard;

/** Project policy for credentials found in inputs or outputs (seed 002 guardrails.secret_action). */
public enum SecretAction {
    ALERT,
    REDACT,
    BLOCK
}
