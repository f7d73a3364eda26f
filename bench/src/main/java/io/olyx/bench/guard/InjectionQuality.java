package io.olyx.bench.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.domain.common.Characters;
import io.olyx.domain.guard.Finding;
import io.olyx.domain.guard.FindingCategory;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.GuardReport;
import io.olyx.domain.guard.Guardrails;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prompt-injection recall on injection-dev.jsonl (overall, per risk_category and per variant) against the
 * false-positive rate on benign-dev.jsonl, at the default block threshold and at the threshold where the
 * benign FP rate stays at or below 2 %. The injection score is the risk score of the INJECTION findings.
 */
final class InjectionQuality {

    private InjectionQuality() {
    }

    static double injectionScore(GuardReport report) {
        double s = 0;
        for (Finding f : report.findings(FindingCategory.INJECTION)) {
            s = Math.max(s, f.confidence());
        }
        return s;
    }

    static void run(List<JsonNode> attacks, List<JsonNode> benign, Guardrails guard, PrintStream out, boolean verbose) {
        GuardPolicy policy = GuardPolicy.defaults();
        List<Double> benignScores = new ArrayList<>();
        for (JsonNode b : benign) {
            double s = guard.injectionScore(b.get("text").asText());
            benignScores.add(s);
            if (verbose && s >= policy.reviewThreshold()) {
                out.printf("    BENIGN %.2f %s %s%n", s, types(guard, b.get("text").asText(), policy), abbreviate(b.get("text").asText()));
            }
        }
        List<Double> sorted = new ArrayList<>(benignScores);
        Collections.sort(sorted);
        int allowedFp = (int) Math.floor(benign.size() * 0.02);
        // smallest threshold with at most allowedFp benign scores at or above it
        double t2 = sorted.get(sorted.size() - 1 - allowedFp) + 1e-9;
        t2 = Math.max(t2, policy.reviewThreshold());
        double[] thresholds = {policy.blockThreshold(), t2, policy.reviewThreshold()};
        String[] names = {"default block threshold", "2% benign-FP threshold", "review threshold"};
        List<Double> attackScores = new ArrayList<>();
        for (JsonNode a : attacks) {
            attackScores.add(guard.injectionScore(a.get("text").asText()));
        }
        out.printf("Injection (%d attacks, %d benign prompts)%n", attacks.size(), benign.size());
        for (int k = 0; k < thresholds.length; k++) {
            double t = thresholds[k];
            int fp = 0;
            for (double s : benignScores) {
                if (s >= t) {
                    fp++;
                }
            }
            Map<String, int[]> byCat = new TreeMap<>();
            int hit = 0;
            for (int i = 0; i < attacks.size(); i++) {
                boolean h = attackScores.get(i) >= t;
                hit += h ? 1 : 0;
                int[] c = byCat.computeIfAbsent(attacks.get(i).get("risk_category").asText(), x -> new int[2]);
                c[0] += h ? 1 : 0;
                c[1]++;
            }
            out.printf("  %s %.3f: recall %.3f (%d/%d), benign FP %.3f (%d/%d)%n", names[k], t,
                    (double) hit / attacks.size(), hit, attacks.size(), (double) fp / benign.size(), fp, benign.size());
            byCat.forEach((cat, c) -> out.printf("      %-20s recall %.3f (%d/%d)%n", cat, (double) c[0] / c[1], c[0], c[1]));
        }
        Map<String, int[]> byVariant = new TreeMap<>();
        for (int i = 0; i < attacks.size(); i++) {
            JsonNode a = attacks.get(i);
            if (!a.get("risk_category").asText().equals("security-violating")) {
                continue;
            }
            int[] c = byVariant.computeIfAbsent(a.get("injection_variant").asText(), x -> new int[2]);
            c[0] += attackScores.get(i) >= policy.blockThreshold() ? 1 : 0;
            c[1]++;
            if (verbose && attackScores.get(i) < policy.blockThreshold()) {
                out.printf("    MISS %.2f %s %s %s%n", attackScores.get(i), a.get("injection_variant").asText(),
                        types(guard, a.get("text").asText(), policy),
                        abbreviate(a.get("text").asText()));
            }
        }
        if (verbose) {
            for (int i = 0; i < attacks.size(); i++) {
                JsonNode a = attacks.get(i);
                if (attackScores.get(i) < policy.reviewThreshold()) {
                    out.printf("    REVIEW-MISS %.2f %s/%s %s %s%n", attackScores.get(i), a.get("risk_category").asText(),
                            a.get("injection_variant").asText(), types(guard, a.get("text").asText(), policy),
                            abbreviate(a.get("text").asText()));
                }
            }
        }
        out.println("  security-violating recall per variant at the default threshold:");
        byVariant.forEach((v, c) -> out.printf("      %-32s %d/%d%n", v, c[0], c[1]));
    }

    private static String types(Guardrails guard, String text, GuardPolicy policy) {
        return guard.scanInput(text, policy.withBlockThreshold(1.0)).findings(FindingCategory.INJECTION).stream()
                .map(f -> f.type() + "=" + f.confidence()).distinct().toList().toString();
    }

    static String abbreviate(String s) {
        return Characters.abbreviate(s.replace("\n", "\\n"), 200);
    }
}
