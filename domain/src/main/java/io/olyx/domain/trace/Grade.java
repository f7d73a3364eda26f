package io.olyx.domain.trace;

/** A–F letter grade; {@link #worse} orders them so rules can only pull a grade down. */
public enum Grade {
    A, B, C, D, F;

    public static Grade worse(Grade a, Grade b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
