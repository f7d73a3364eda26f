package io.olyx.adapter.persistence;

import com.fasterxml.jackson.core.type.TypeReference;
import io.olyx.domain.project.ProjectId;
import io.olyx.domain.trace.ProviderAttempt;
import io.olyx.domain.trace.Step;
import io.olyx.domain.trace.StepId;
import io.olyx.domain.trace.StepOutcome;
import io.olyx.domain.trace.StepSecurity;
import io.olyx.domain.trace.StepType;
import io.olyx.domain.trace.StepUsage;
import io.olyx.domain.trace.TraceId;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Maps steps to and from their table row; model-call columns are null for steps that called no model. The request
 * fingerprint the pipeline puts in a step's details is also copied to its own indexed column for loop detection, and
 * a caller's answer to a tool call its tool_call_id, to the column whose unique index takes one answer per call.
 */
final class StepRows {
    private static final TypeReference<List<ProviderAttempt>> ATTEMPTS = new TypeReference<>() {
    };

    private static final String COLUMNS = """
            id, trace_id, project_id, type, parent_step_id, api_key_id, model, provider,
                infrastructure, tier, prompt_tokens, completion_tokens, cached_tokens, tokens_estimated, cost,
                latency_ms, outcome, pii_detected, injection_attempt, secret_leaked, risk_score, input, output,
                details, attempts, created_at, fingerprint, answers_tool_call""";
    private static final int BOUND = 28;
    static final String INSERT = "INSERT INTO steps (" + COLUMNS + ") VALUES (" + HotPath.parameterMarkers(BOUND)
            + ")";
    /** {@link #INSERT} with the lease of the request that recorded a caller's answers, see {@link #bindAnswer}. */
    static final String INSERT_ANSWER = "INSERT INTO steps (" + COLUMNS + ", answer_lease_until) VALUES ("
            + HotPath.parameterMarkers(BOUND + 1) + ")";
    /**
     * A project's answers under one run step of a pending trace whose lease ran out, unless a step that is no tool
     * call (the model's answer to them, a block) follows that run step: their request is gone without a decision.
     * Parameters: project, trace, parent, now, project, trace, parent, the tool_call type, the pending status.
     */
    static final String DELETE_ABANDONED_ANSWERS = """
            DELETE FROM steps WHERE project_id = ? AND trace_id = ? AND parent_step_id = ?
                AND answers_tool_call IS NOT NULL AND answer_lease_until <= ?
                AND NOT EXISTS (SELECT 1 FROM steps decided WHERE decided.project_id = ? AND decided.trace_id = ?
                    AND decided.parent_step_id = ? AND decided.type <> ?)
                AND EXISTS (SELECT 1 FROM traces WHERE traces.id = steps.trace_id AND traces.status = ?)""";
    /** The unique index on (parent_step_id, answers_tool_call), as named in a violation's message. */
    static final String ONE_ANSWER_PER_TOOL_CALL = "steps_one_answer_per_tool_call";
    static final String SELECT_BY_TRACE = "SELECT * FROM steps WHERE project_id = ? AND trace_id = ? ORDER BY id";
    static final String SELECT_ONE = "SELECT * FROM steps WHERE project_id = ? AND id = ?";

    /** A project's answers to tool calls in one trace, by id, while that trace is pending. */
    static String deleteAnswersInPendingTrace(int answers) {
        return "DELETE FROM steps WHERE project_id = ? AND trace_id = ? AND answers_tool_call IS NOT NULL"
                + " AND EXISTS (SELECT 1 FROM traces WHERE traces.id = steps.trace_id AND traces.status = ?)"
                + " AND id IN (" + HotPath.parameterMarkers(answers) + ")";
    }

    /** Sets the lease of a project's answers in one trace, by id. */
    static String renewAnswers(int answers) {
        return "UPDATE steps SET answer_lease_until = ? WHERE project_id = ? AND trace_id = ?"
                + " AND answers_tool_call IS NOT NULL AND id IN (" + HotPath.parameterMarkers(answers) + ")";
    }

    /** Steps of one type under any of {@code parents} parent steps of a trace; served by the trace's index. */
    static String selectChildren(int parents) {
        return "SELECT * FROM steps WHERE project_id = ? AND trace_id = ? AND type = ? AND parent_step_id IN ("
                + HotPath.parameterMarkers(parents) + ") ORDER BY id";
    }

    private final JsonCodec json;

    StepRows(JsonCodec json) {
        this.json = json;
    }

    StepTable.Row toRow(Step s) {
        return toRow(s, null);
    }

    /**
     * The row of a tool_call step that answers, for the caller, the call its details' tool_call_id names among the
     * calls of its parent step.
     */
    StepTable.Row toAnswerRow(Step s) {
        if (s.type() != StepType.TOOL_CALL || s.parentStepId().isEmpty()
                || !(s.details().get("tool_call_id") instanceof String callId)) {
            throw new IllegalArgumentException("step " + s.id().value() + " answers no tool call of a parent step");
        }
        return toRow(s, callId);
    }

    private StepTable.Row toRow(Step s, String answersToolCall) {
        Optional<Step.ModelCall> call = s.modelCall();
        StepUsage usage = call.map(Step.ModelCall::usage).orElse(StepUsage.none());
        return new StepTable.Row(s.id().value(), s.traceId().value(), s.projectId().value(), s.type().wire(),
                s.parentStepId().map(StepId::value).orElse(null), s.apiKeyId().orElse(null),
                call.map(Step.ModelCall::model).orElse(null), call.map(Step.ModelCall::provider).orElse(null),
                call.map(Step.ModelCall::infrastructure).orElse(null), call.flatMap(Step.ModelCall::tier).orElse(null),
                usage.promptTokens(), usage.completionTokens(), usage.cachedPromptTokens(), usage.estimated(),
                usage.cost(), s.latencyMs(), s.outcome().wire(), s.security().piiDetected(),
                s.security().injectionAttempt(), s.security().secretLeaked(), s.security().riskScore(),
                json.writeNullable(s.input()), json.writeNullable(s.output()), json.write(s.details()),
                json.write(call.map(Step.ModelCall::attempts).orElse(List.of())), Rows.utc(s.createdAt()),
                s.details().get("fingerprint") instanceof String f ? f : null, answersToolCall);
    }

    static void bind(PreparedStatement s, StepTable.Row r) throws SQLException {
        s.setLong(1, r.id());
        s.setObject(2, r.traceId());
        s.setLong(3, r.projectId());
        s.setString(4, r.type());
        if (r.parentStepId() == null) {
            s.setNull(5, Types.BIGINT);
        } else {
            s.setLong(5, r.parentStepId());
        }
        s.setString(6, r.apiKeyId());
        s.setString(7, r.model());
        s.setString(8, r.provider());
        s.setString(9, r.infrastructure());
        s.setString(10, r.tier());
        s.setLong(11, r.promptTokens());
        s.setLong(12, r.completionTokens());
        s.setLong(13, r.cachedTokens());
        s.setBoolean(14, r.tokensEstimated());
        s.setBigDecimal(15, r.cost());
        s.setDouble(16, r.latencyMs());
        s.setString(17, r.outcome());
        s.setBoolean(18, r.piiDetected());
        s.setBoolean(19, r.injectionAttempt());
        s.setBoolean(20, r.secretLeaked());
        s.setDouble(21, r.riskScore());
        s.setString(22, r.input());
        s.setString(23, r.output());
        s.setString(24, r.details());
        s.setString(25, r.attempts());
        s.setObject(26, r.createdAt());
        s.setString(27, r.fingerprint());
        s.setString(28, r.answersToolCall());
    }

    /** Binds {@link #INSERT_ANSWER}: the row, then the lease of the request that recorded it. */
    static void bindAnswer(PreparedStatement s, StepTable.Row r, OffsetDateTime leaseUntil) throws SQLException {
        bind(s, r);
        s.setObject(BOUND + 1, leaseUntil);
    }

    Step toStep(StepTable.Row r) {
        Optional<Step.ModelCall> call = Optional.ofNullable(r.model()).map(model -> new Step.ModelCall(model,
                r.provider(), r.infrastructure(), Optional.ofNullable(r.tier()),
                new StepUsage(r.promptTokens(), r.completionTokens(), r.cachedTokens(), r.tokensEstimated(), r.cost()),
                json.read(r.attempts(), ATTEMPTS)));
        return new Step(new StepId(r.id()), new TraceId(r.traceId()), new ProjectId(r.projectId()),
                StepType.parse(r.type()).orElseThrow(() -> new IllegalStateException("step type " + r.type())),
                Optional.ofNullable(r.parentStepId()).map(StepId::new), Optional.ofNullable(r.apiKeyId()), call,
                json.readValue(r.input()), json.readValue(r.output()), r.latencyMs(),
                StepOutcome.parse(r.outcome()).orElseThrow(() -> new IllegalStateException("outcome " + r.outcome())),
                new StepSecurity(r.piiDetected(), r.injectionAttempt(), r.secretLeaked(), r.riskScore()),
                json.readObject(r.details()), r.createdAt().toInstant());
    }
}
