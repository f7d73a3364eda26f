package io.olyx.adapter.persistence;

import io.olyx.application.port.OwnerDeleted;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Writes that name a row deleted meanwhile. Tables that belong to a project reference it, so the database refuses
 * a model, key or trace (with the step that opens it) written for a project another request has just deleted
 * (SQLState 23503 on PostgreSQL, 23506 on H2); that refusal is {@link OwnerDeleted}, an answer, not a fault. Each
 * DAO is made through {@link #onDemand}, so every Jdbi write translates it the same way; the raw JDBC of the step
 * writer asks {@link #ownerDeleted} itself.
 */
final class ForeignKeys {
    /** PostgreSQL's foreign_key_violation; H2 uses it only for a deleted row that is still referenced. */
    static final String FOREIGN_KEY_VIOLATION = "23503";
    /** H2's code for a written row whose referenced row is missing. */
    static final String H2_PARENT_MISSING = "23506";

    private ForeignKeys() {
    }

    /** Jdbi's on-demand DAO of {@code type}, whose foreign key refusals are thrown as {@link OwnerDeleted}. */
    static <T> T onDemand(Jdbi jdbi, Class<T> type) {
        T dao = jdbi.onDemand(type);
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return method.invoke(dao, args);
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                throw ownerDeleted(failure).<Throwable>map(d -> d).orElse(failure);
            }
        }));
    }

    /** The referenced table as a client names it; H2 writes "REFERENCES PUBLIC.PROJECTS(ID)", PostgreSQL
     * 'is not present in table "projects"'. */
    private static String owner(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains(".projects(") || m.contains("\"projects\"")) {
            return "Project";
        }
        if (m.contains(".traces(") || m.contains("\"traces\"")) {
            return "Trace";
        }
        return "Resource";
    }

    /** {@code failure} as {@link OwnerDeleted} when a foreign key refused the write, whatever wraps the refusal. */
    static Optional<OwnerDeleted> ownerDeleted(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState()) || H2_PARENT_MISSING.equals(e.getSQLState())) {
                    return Optional.of(new OwnerDeleted(owner(String.valueOf(e.getMessage())), failure));
                }
            }
        }
        return Optional.empty();
    }
}
