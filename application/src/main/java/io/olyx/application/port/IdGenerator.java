package io.olyx.application.port;

import io.olyx.domain.trace.StepId;
import java.util.UUID;

/** Identifiers that must be unique across every node sharing the database. */
public interface IdGenerator {
    /**
     * Time-ordered (UUIDv7) so fresh rows append to indexes instead of scattering; on one node each id is greater
     * than the one before, so rows made together with one timestamp keep the order they were made in by id.
     */
    UUID timeOrderedUuid();

    StepId nextStepId();

    /** A random hex string of the given number of bytes, from a cryptographic source. */
    String randomHex(int bytes);
}
