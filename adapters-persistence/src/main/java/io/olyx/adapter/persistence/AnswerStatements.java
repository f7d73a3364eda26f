package io.olyx.adapter.persistence;

import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.TraceStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The statements on a caller's answers to tool calls that run past the step writer's thread, each on its own: they
 * are rare (a request that failed, one whose node died) or slow-paced (a lease renewed every few seconds), and must
 * neither share a commit with other requests' steps nor roll them back. Also tells the database's refusals of an
 * answer apart from real failures.
 */
final class AnswerStatements {
    /** H2's and PostgreSQL's refusal of a write to a row another transaction changed meanwhile. */
    private static final Set<String> WRITE_CONFLICTS = Set.of("90131", "40001");

    private final HotPath hotPath;

    AnswerStatements(HotPath hotPath) {
        this.hotPath = hotPath;
    }

    /** Pushes the lease of {@code answers} (answers of one trace) on to {@code leaseUntil}. */
    void renew(List<Step> answers, Instant leaseUntil) {
        List<Object> params = new ArrayList<>(List.of(Rows.utc(leaseUntil), answers.get(0).projectId().value(),
                answers.get(0).traceId().value()));
        answers.forEach(answer -> params.add(answer.id().value()));
        hotPath.update(StepRows.renewAnswers(answers.size()), params.toArray());
    }

    /** Deletes {@code answers} (answers of one trace) while their trace is pending; whether any was deleted. */
    boolean withdraw(List<Step> answers) {
        List<Object> params = new ArrayList<>();
        params.add(answers.get(0).projectId().value());
        params.add(answers.get(0).traceId().value());
        params.add(TraceStatus.PENDING.wire());
        answers.forEach(answer -> params.add(answer.id().value()));
        return hotPath.update(StepRows.deleteAnswersInPendingTrace(answers.size()), params.toArray()) > 0;
    }

    /**
     * In the caller's transaction, deletes the answers under {@code answer}'s run step whose lease ran out before
     * {@code now}, if no other step followed them and the trace is pending: what a takeover replaces.
     */
    static void deleteAbandoned(Connection connection, Step answer, Instant now) throws SQLException {
        Object project = answer.projectId().value();
        Object trace = answer.traceId().value();
        Object parent = answer.parentStepId().orElseThrow().value();
        try (PreparedStatement delete = connection.prepareStatement(StepRows.DELETE_ABANDONED_ANSWERS)) {
            Object[] params = {project, trace, parent, Rows.utc(now), project, trace, parent,
                StepType.TOOL_CALL.wire(), TraceStatus.PENDING.wire()};
            for (int i = 0; i < params.length; i++) {
                delete.setObject(i + 1, params[i]);
            }
            delete.executeUpdate();
        }
    }

    /** Whether {@code failure} is the unique index on answers refusing a second answer to a tool call. */
    static boolean answeredAlready(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if (UniqueWrites.UNIQUE_VIOLATION.equals(e.getSQLState()) && e.getMessage() != null
                        && e.getMessage().toLowerCase(Locale.ROOT).contains(StepRows.ONE_ANSWER_PER_TOOL_CALL)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether {@code failure} is the database refusing a write to a row that another transaction changed meanwhile. */
    static boolean conflicting(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && WRITE_CONFLICTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
