package io.olyx.adapter.persistence;

import io.olyx.application.port.UnitOfWork;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One transaction around a block. Jdbi binds the handle to the current thread, so the on-demand DAOs that the
 * repositories call inside the block join this transaction instead of opening their own.
 */
final class JdbiUnitOfWork implements UnitOfWork {
    private final Jdbi jdbi;

    JdbiUnitOfWork(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
