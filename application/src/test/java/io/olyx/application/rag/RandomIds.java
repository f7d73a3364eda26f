package io.olyx.application.rag;

import io.olyx.application.port.IdGenerator;
import io.olyx.domain.trace.StepId;
import java.util.UUID;

/** Ids for collections and documents; the RAG use cases make no steps or secrets. */
final class RandomIds implements IdGenerator {
    @Override
    public UUID timeOrderedUuid() {
        return UUID.randomUUID();
    }

    @Override
    public StepId nextStepId() {
        throw new UnsupportedOperationException("no steps here");
    }

    @Override
    public String randomHex(int bytes) {
        throw new UnsupportedOperationException("no secrets here");
    }
}
