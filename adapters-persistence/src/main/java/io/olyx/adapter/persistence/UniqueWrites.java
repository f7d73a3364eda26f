package io.olyx.adapter.persistence;

import java.sql.SQLException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** A write that a unique constraint may refuse: refused is an answer (false), not an error. */
final class UniqueWrites {
    static final String UNIQUE_VIOLATION = "23505";

    private UniqueWrites() {
    }

    static boolean written(Runnable write) {
        try {
            write.run();
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return false;
            }
            throw e;
        }
    }
}
