package io.olyx.application.port;

import io.olyx.domain.trace.StepId;
import java.util.UUID;

/** Identifiers that must be unique across every node sharing the database. */
public interface IdGenerator {
    /** Time-ordered (UUIDv7) so fresh rows append to indexes instead of scattering. */
    UUID timeOrderedUuid();

    StepId nextStepId();

    /** A random hex string of the given number of bytes, from a cryptographic source. */
    String randomHex(int bytes);
}
