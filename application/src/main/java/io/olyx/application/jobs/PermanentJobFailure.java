package io.olyx.application.jobs;

/** A job that cannot succeed however often it is tried (its source is gone, its input is invalid). */
public final class PermanentJobFailure extends RuntimeException {
    public PermanentJobFailure(String message) {
        super(message);
    }
}
