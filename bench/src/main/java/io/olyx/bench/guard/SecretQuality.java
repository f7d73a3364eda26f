package io.olyx.bench.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.domain.common.Characters;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.Guardrails;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Secret detection on secrets-dev.jsonl, counted as its README says for a detector that does not name the
 * gitleaks rule: every `secret` record is a positive, `not_secret` records with empty other_rules are the
 * clean negatives, and the 29 path-dependent records are skipped. The check runs as on model outputs
 * (scanOutput, secrets only).
 */
final class SecretQuality {

    private SecretQuality() {
    }

    private static final class PerRule {
        int pos;
        int hit;
        int neg;
        int fp;
    }

    static void run(List<JsonNode> records, List<JsonNode> benign, Guardrails guard, PrintStream out, boolean verbose) {
        GuardPolicy policy = GuardPolicy.defaults();
        Map<String, PerRule> rules = new TreeMap<>();
        int pos = 0;
        int hit = 0;
        int neg = 0;
        int fp = 0;
        int skipped = 0;
        for (JsonNode r : records) {
            if (r.has("path") && !r.get("path").isNull()) {
                skipped++;
                continue;
            }
            String label = r.get("label").asText();
            boolean cleanNegative = label.equals("not_secret") && r.get("other_rules").isEmpty();
            if (!label.equals("secret") && !cleanNegative) {
                continue;
            }
            boolean fired = guard.scanOutput(r.get("text").asText(), policy).secretLeaked();
            PerRule pr = rules.computeIfAbsent(r.get("rule").asText(), k -> new PerRule());
            if (label.equals("secret")) {
                pos++;
                pr.pos++;
                if (fired) {
                    hit++;
                    pr.hit++;
                } else if (verbose) {
                    out.println("    MISS " + r.get("rule").asText() + ": " + abbreviate(r.get("text").asText()));
                }
            } else {
                neg++;
                pr.neg++;
                if (fired) {
                    fp++;
                    pr.fp++;
                    if (verbose) {
                        out.println("    FP   " + r.get("rule").asText() + " [" + guard.scanOutput(r.get("text").asText(), policy)
                                .findings().get(0).type() + "]: " + abbreviate(r.get("text").asText()));
                    }
                }
            }
        }
        double macroRecall = 0;
        int rulesWithPos = 0;
        double macroFp = 0;
        int rulesWithNeg = 0;
        for (PerRule pr : rules.values()) {
            if (pr.pos > 0) {
                macroRecall += (double) pr.hit / pr.pos;
                rulesWithPos++;
            }
            if (pr.neg > 0) {
                macroFp += (double) pr.fp / pr.neg;
                rulesWithNeg++;
            }
        }
        int benignFlagged = 0;
        for (JsonNode b : benign) {
            if (guard.scanOutput(b.get("text").asText(), policy).secretLeaked()) {
                benignFlagged++;
            }
        }
        out.printf("Secrets (%d records counted, %d path-dependent skipped)%n", pos + neg, skipped);
        out.printf("  per record: recall %.3f (%d/%d)  FP rate on clean negatives %.3f (%d/%d)%n",
                (double) hit / pos, hit, pos, (double) fp / neg, fp, neg);
        out.printf("  per rule (macro): recall %.3f over %d rules  FP rate %.3f over %d rules with negatives%n",
                macroRecall / rulesWithPos, rulesWithPos, macroFp / Math.max(1, rulesWithNeg), rulesWithNeg);
        out.printf("  benign prompts flagged: %d / %d%n", benignFlagged, benign.size());
        if (verbose) {
            rules.forEach((k, v) -> {
                if (v.hit < v.pos) {
                    out.printf("    rule %-45s recall %d/%d%n", k, v.hit, v.pos);
                }
            });
        }
    }

    private static String abbreviate(String s) {
        return Characters.abbreviate(s.replace("\n", "\\n"), 160);
    }
}
