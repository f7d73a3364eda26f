package io.olyx.bench.guard;

import com.fasterxml.jackson.databind.JsonNode;
import io.olyx.application.pipeline.Sensitivity;
import io.olyx.domain.guard.Finding;
import io.olyx.domain.guard.FindingCategory;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.Guardrails;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PII span quality on pii-dev.jsonl. Olyx type names map onto the dataset's as follows:
 * person→PERSON, location→GPE, street_address→STREET_ADDRESS, zip_code→ZIP_CODE, organization→ORGANIZATION,
 * date_time→DATE_TIME, title→TITLE, phone→PHONE_NUMBER, age→AGE, nrp→NRP, email→EMAIL_ADDRESS,
 * url/domain_name→DOMAIN_NAME, us_ssn→US_SSN, iban→IBAN_CODE, ip_address→IP_ADDRESS, credit_card→CREDIT_CARD,
 * driver_license→US_DRIVER_LICENSE, passport→US_PASSPORT.
 */
final class PiiQuality {

    private PiiQuality() {
    }

    static String datasetType(String olyxType) {
        return switch (olyxType) {
            case "person" -> "PERSON";
            case "location" -> "GPE";
            case "street_address" -> "STREET_ADDRESS";
            case "zip_code" -> "ZIP_CODE";
            case "organization" -> "ORGANIZATION";
            case "date_time" -> "DATE_TIME";
            case "title" -> "TITLE";
            case "phone" -> "PHONE_NUMBER";
            case "age" -> "AGE";
            case "nrp" -> "NRP";
            case "email" -> "EMAIL_ADDRESS";
            case "url", "domain_name" -> "DOMAIN_NAME";
            case "us_ssn" -> "US_SSN";
            case "iban" -> "IBAN_CODE";
            case "ip_address" -> "IP_ADDRESS";
            case "credit_card" -> "CREDIT_CARD";
            case "driver_license" -> "US_DRIVER_LICENSE";
            case "passport" -> "US_PASSPORT";
            default -> olyxType.toUpperCase();
        };
    }

    static void run(List<JsonNode> records, List<JsonNode> benign, Guardrails guard, PrintStream out, boolean verbose) {
        GuardPolicy policy = GuardPolicy.defaults();
        SpanEvaluator eval = new SpanEvaluator(0.75);
        int emptyFlagged = 0;
        int empty = 0;
        for (JsonNode r : records) {
            String text = r.get("text").asText();
            List<SpanEvaluator.Span> gold = new ArrayList<>();
            for (JsonNode s : r.get("spans")) {
                gold.add(new SpanEvaluator.Span(s.get("type").asText(), s.get("start").asInt(), s.get("end").asInt()));
            }
            List<SpanEvaluator.Span> pred = new ArrayList<>();
            for (Finding f : guard.scanInput(text, policy).findings(FindingCategory.PII)) {
                pred.add(new SpanEvaluator.Span(datasetType(f.type()), f.start(), f.end()));
            }
            if (gold.isEmpty()) {
                empty++;
                if (!pred.isEmpty()) {
                    emptyFlagged++;
                }
            }
            eval.add(text, gold, pred);
        }
        SpanEvaluator.Counts g = eval.global;
        out.printf("PII (%d sentences, SpanEvaluator char IoU>=0.75, presidio-research style)%n", records.size());
        out.printf("  PII-vs-O: precision %.3f  recall %.3f  F1 %.3f  F2 %.3f  (gold %d, predicted %d, TP %d, FP %d)%n",
                g.precision(), g.recall(), g.f(1), g.f(2), g.annotated, g.predicted, g.truePositives, g.falsePositives);
        out.printf("  sentences without gold PII flagged: %d / %d%n", emptyFlagged, empty);
        out.println("  per type (dataset names):        gold  pred   prec  recall    F1");
        for (Map.Entry<String, SpanEvaluator.Counts> e : eval.perTypeView().entrySet()) {
            SpanEvaluator.Counts c = e.getValue();
            out.printf("    %-28s %5d %5d  %5.3f  %5.3f  %5.3f%n", e.getKey(), c.annotated, c.predicted,
                    c.precision(), c.recall(), c.f(1));
        }
        int flagged = 0;
        int sensitive = 0;
        int identifyingFindings = 0;
        int people = 0;
        for (JsonNode b : benign) {
            String text = b.get("text").asText();
            List<Finding> findings = guard.scanInput(text, policy).findings(FindingCategory.PII);
            flagged += findings.isEmpty() ? 0 : 1;
            List<Finding> identifying = findings.stream().filter(Sensitivity::identifying).toList();
            sensitive += identifying.isEmpty() ? 0 : 1;
            identifyingFindings += identifying.size();
            people += (int) identifying.stream().filter(f -> f.type().equals("person")).count();
            if (verbose) {
                identifying.forEach(f -> out.println("    benign " + f.type() + ": " + text.substring(f.start(), f.end())));
            }
        }
        out.printf("  benign prompts with any PII finding: %d / %d (they do name people and places)%n", flagged, benign.size());
        out.printf("  benign prompts with identifying PII (routed to the secure tier): %d / %d%n", sensitive, benign.size());
        // a prompt naming a real person stays flagged whatever else is fixed in it, so count the findings too
        out.printf("  identifying findings in benign prompts: %d (person %d)%n", identifyingFindings, people);
        if (verbose) {
            eval.errors.forEach(e -> out.println("    " + e));
        }
    }
}
