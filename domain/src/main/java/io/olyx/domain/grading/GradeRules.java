package io.olyx.domain.grading;

import io.olyx.domain.trace.Grade;
import java.util.Objects;
import java.util.Optional;

/**
 * The A–F grading rules. Every dimension starts at A and each rule can only pull a grade down, so a user can
 * predict a grade by walking the list; thresholds are the project's {@code settings.grading} values (defaults in
 * brackets).
 *
 * <h2>Waste: over-spending on too capable a model</h2>
 * Each run step that called a model is compared with a reference model:
 * <ul>
 *   <li>the model {@code routing_tiers} names for the step's tier (simple / complex / secure);</li>
 *   <li>a step without a tier, or whose tier is not configured, counts as a simple request when its prompt has at
 *       most 1,000 tokens and it neither declared nor requested tools; its reference is then the cheapest
 *       registered model (the cheapest private one if the step carried PII). Other untiered steps have no
 *       reference and are never waste.</li>
 * </ul>
 * Both models are priced on the step's own token counts with the registry's prices (the recorded cost when the
 * step's model is no longer registered). A step is <em>over-spent</em> when it cost more than its reference would
 * have, <em>severely</em> when 3× or more (or the reference is free). Steps that reached their model through a
 * fallback after a provider failure are never waste.
 * <ul>
 *   <li>F: at least two run steps, every one over-spent, at least one severely ("wrong model for every step")</li>
 *   <li>D: two or more severe steps, or four or more over-spent steps, or every run step (at least two) over-spent</li>
 *   <li>C: one severe step, or two or more over-spent steps</li>
 *   <li>B: exactly one over-spent step ("slightly over-engineered")</li>
 *   <li>A: no over-spent step</li>
 * </ul>
 *
 * <h2>Latency: slow steps</h2>
 * Timed steps are check, run and tool_call steps. A step is <em>slow</em> above step_target_ms [1,000 ms] and
 * <em>very slow</em> above step_slow_ms [5,000 ms].
 * <ul>
 *   <li>F: three or more very slow steps</li>
 *   <li>D: two very slow steps, or five or more slow steps ("slow chain")</li>
 *   <li>C: one very slow step, or two to four slow steps</li>
 *   <li>B: exactly one slow step</li>
 *   <li>A: no slow step</li>
 * </ul>
 *
 * <h2>Overall (optimization_grade)</h2>
 * <ol>
 *   <li>the worse of waste and latency;</li>
 *   <li>at least D when waste and latency are both C or worse (multiple issues);</li>
 *   <li>at least D when stall_probability reaches stall_alert_threshold [0.7];</li>
 *   <li>from the log steps' user_rating values (1–5), when any: a mean below 2 makes it at least D, a mean below 3
 *       at least C. Good ratings never raise a grade, so they cannot hide waste;</li>
 *   <li>F when chain_depth exceeds chain_depth_threshold [5] or a loop was detected (the same tool requested with
 *       identical arguments 3 or more times).</li>
 * </ol>
 */
public final class GradeRules {
    private GradeRules() {
    }

    /** What, besides waste and latency, pulls the overall grade down. */
    public record OverallSignals(int chainDepth, boolean loopDetected, double stallProbability,
                                 Optional<Double> meanUserRating) {
        public OverallSignals {
            Objects.requireNonNull(meanUserRating, "meanUserRating");
        }
    }

    public static Grade waste(WasteTally t) {
        boolean everyStep = t.runSteps() >= 2 && t.overspent() == t.runSteps();
        if (everyStep && t.severe() >= 1) {
            return Grade.F;
        }
        if (t.severe() >= 2 || t.overspent() >= 4 || everyStep) {
            return Grade.D;
        }
        if (t.severe() >= 1 || t.overspent() >= 2) {
            return Grade.C;
        }
        return t.overspent() == 1 ? Grade.B : Grade.A;
    }

    public static Grade latency(LatencyTally t) {
        if (t.verySlow() >= 3) {
            return Grade.F;
        }
        if (t.verySlow() == 2 || t.slow() >= 5) {
            return Grade.D;
        }
        if (t.verySlow() == 1 || t.slow() >= 2) {
            return Grade.C;
        }
        return t.slow() == 1 ? Grade.B : Grade.A;
    }

    public static Grade overall(Grade waste, Grade latency, OverallSignals signals, GradingThresholds thresholds) {
        Grade grade = Grade.worse(waste, latency);
        if (atLeast(waste, Grade.C) && atLeast(latency, Grade.C)) {
            grade = Grade.worse(grade, Grade.D);
        }
        if (signals.stallProbability() >= thresholds.stallAlertThreshold()) {
            grade = Grade.worse(grade, Grade.D);
        }
        if (signals.meanUserRating().isPresent()) {
            double rating = signals.meanUserRating().get();
            grade = rating < 2 ? Grade.worse(grade, Grade.D) : rating < 3 ? Grade.worse(grade, Grade.C) : grade;
        }
        if (signals.chainDepth() > thresholds.chainDepthThreshold() || signals.loopDetected()) {
            grade = Grade.F;
        }
        return grade;
    }

    private static boolean atLeast(Grade grade, Grade floor) {
        return grade.ordinal() >= floor.ordinal();
    }
}
