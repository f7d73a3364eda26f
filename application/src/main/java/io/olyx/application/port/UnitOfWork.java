package io.olyx.application.port;

import java.util.function.Supplier;

/** Runs a block of repository calls as one transaction: all of it commits, or none of it. */
@FunctionalInterface
public interface UnitOfWork {
    <T> T inTransaction(Supplier<T> work);

    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
