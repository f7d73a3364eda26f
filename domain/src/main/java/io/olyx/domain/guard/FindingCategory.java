package io.olyx.domain.guard;

/** What kind of risk a finding is evidence of. */
public enum FindingCategory {
    PII,
    INJECTION,
    SECRET
}
