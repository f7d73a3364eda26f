package io.olyx.domain.guard;

/**
 * What the pipeline should do with a scanned text. REDACT means "usable once the reported spans are
 * replaced" (chat completions redact, executions route to the secure tier instead).
 */
public enum GuardDecision {
    ALLOW,
    REDACT,
    BLOCK
}
