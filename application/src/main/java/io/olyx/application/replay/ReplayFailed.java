package io.olyx.application.replay;

/** The replay cannot succeed however often it is tried; the message is what the client reads as its error. */
final class ReplayFailed extends RuntimeException {
    ReplayFailed(String message) {
        super(message, null, false, false);
    }
}
