package io.olyx.domain.insight;

import io.olyx.domain.grading.PriceIndex;
import io.olyx.domain.model.Pricing;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * migration_alert: for each intent with at least minTraces traces on its current model, the registered models that
 * would have cost less for the same tokens are candidates. A candidate qualifies with evidence of equal quality:
 * <ul>
 *   <li>replays: at least minReplays replays of the intent from the current model to the candidate, of which a
 *       replayAgreement share held quality ({@link ReplayEvidence#heldQuality()}); or</li>
 *   <li>grades: at least minTraces traces of the intent already on the candidate, with a mean grade at least the
 *       current model's, and, when both sides have minRatings user ratings, a mean rating no more than
 *       ratingTolerance below the current model's;</li>
 * </ul>
 * and saves at least minSavingsPct of the intent's spend on the current model. The cheapest qualifying candidate
 * is suggested. Its cost is the candidate's prices on the observed tokens (or, for traces without token counts,
 * the observed cost scaled by the two models' price ratio).
 */
final class MigrationRule {
    private MigrationRule() {
    }

    static List<Insight> apply(InsightInput input, InsightThresholds t) {
        List<Insight> insights = new ArrayList<>();
        for (IntentTraffic traffic : IntentTraffic.of(input.observations())) {
            String current = traffic.currentModel();
            List<TraceObservation> onCurrent = traffic.on(current);
            BigDecimal currentCost = IntentTraffic.cost(onCurrent);
            if (onCurrent.size() < t.minTraces() || currentCost.signum() <= 0) {
                continue;
            }
            candidates(input, traffic, current, t).stream()
                    .map(c -> savings(input, onCurrent, current, currentCost, c))
                    .flatMap(Optional::stream)
                    .filter(s -> s.pct() >= t.minSavingsPct())
                    .max(Comparator.comparingDouble(Saving::pct).thenComparing(s -> s.candidate().model(),
                            Comparator.reverseOrder()))
                    .ifPresent(best -> insights.add(insight(traffic.intent(), current, onCurrent.size(), best,
                            input)));
        }
        return insights;
    }

    private record Candidate(String model, String evidence, int replays) {
    }

    private record Saving(Candidate candidate, BigDecimal inWindow, double pct) {
    }

    private static List<Candidate> candidates(InsightInput input, IntentTraffic traffic, String current,
                                              InsightThresholds t) {
        List<Candidate> out = new ArrayList<>();
        for (String model : input.catalogue().keySet().stream().sorted().toList()) {
            if (model.equals(current)) {
                continue;
            }
            List<ReplayEvidence> replays = input.replays().stream().filter(r -> r.intent().equals(traffic.intent())
                    && r.sourceModel().equals(current) && r.replayModel().equals(model)).toList();
            long held = replays.stream().filter(ReplayEvidence::heldQuality).count();
            if (replays.size() >= t.minReplays() && held >= t.replayAgreement() * replays.size()) {
                out.add(new Candidate(model, "replays", replays.size()));
            } else if (gradesHold(traffic.on(current), traffic.on(model), t)) {
                out.add(new Candidate(model, "grades", 0));
            }
        }
        return out;
    }

    private static boolean gradesHold(List<TraceObservation> current, List<TraceObservation> candidate,
                                      InsightThresholds t) {
        if (candidate.size() < t.minTraces()
                || IntentTraffic.meanGradeScore(candidate) < IntentTraffic.meanGradeScore(current)) {
            return false;
        }
        List<Double> currentRatings = IntentTraffic.ratings(current);
        List<Double> candidateRatings = IntentTraffic.ratings(candidate);
        if (currentRatings.size() < t.minRatings() || candidateRatings.size() < t.minRatings()) {
            return true;
        }
        return mean(candidateRatings) >= mean(currentRatings) - t.ratingTolerance();
    }

    private static Optional<Saving> savings(InsightInput input, List<TraceObservation> onCurrent, String current,
                                            BigDecimal currentCost, Candidate candidate) {
        Pricing target = input.catalogue().get(candidate.model());
        Optional<Pricing> from = Optional.ofNullable(input.catalogue().get(current));
        BigDecimal estimate = BigDecimal.ZERO;
        for (TraceObservation o : onCurrent) {
            if (o.promptTokens() + o.completionTokens() > 0) {
                estimate = estimate.add(target.cost(o.promptTokens(), o.completionTokens()));
            } else if (from.isPresent() && PriceIndex.of(from.get(), 0, 0).signum() > 0) {
                estimate = estimate.add(o.cost().multiply(PriceIndex.of(target, 0, 0))
                        .divide(PriceIndex.of(from.get(), 0, 0), MathContext.DECIMAL64));
            } else {
                return Optional.empty();
            }
        }
        BigDecimal saved = currentCost.subtract(estimate);
        if (saved.signum() <= 0) {
            return Optional.empty();
        }
        double pct = saved.divide(currentCost, MathContext.DECIMAL64).doubleValue() * 100;
        return Optional.of(new Saving(candidate, saved, pct));
    }

    private static Insight insight(String intent, String current, int traces, Saving best, InsightInput input) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("intent", intent);
        data.put("current_model", current);
        data.put("suggested_model", best.candidate().model());
        data.put("savings_pct", Math.round(best.pct() * 10) / 10.0);
        data.put("evidence", best.candidate().evidence());
        data.put("trace_count", traces);
        if (best.candidate().replays() > 0) {
            data.put("replay_count", best.candidate().replays());
        }
        return new Insight(InsightType.MIGRATION_ALERT, intent, data,
                SavingsProjection.over30Days(best.inWindow(), input.observedWindow()));
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
