package io.olyx.application.pipeline;

import io.olyx.domain.guard.Finding;
import io.olyx.domain.guard.GuardReport;
import java.util.Set;

/**
 * How much a finding should weigh in Olyx's decisions. Personal data that identifies a person or an account counts in
 * full: it makes a request sensitive (secure tier), is redacted on chat completions and blocks embeddings. Places,
 * nationalities, organisations, dates and titles alone are still reported, but weigh a fifth in the risk score (so at most 0.2, never blocking), so
 * "What is the capital of France?" stays a clean request while "my email is ..." does not.
 */
public final class Sensitivity {
    public static final Set<String> IDENTIFYING = Set.of("email", "phone", "credit_card", "iban", "us_ssn",
            "ip_address", "person", "street_address", "passport", "driver_license", "us_driver_license",
            "national_id", "date_of_birth", "bank_account");
    static final double CONTEXTUAL_PII_WEIGHT = 0.2;

    private Sensitivity() {
    }

    public static boolean identifying(Finding finding) {
        return switch (finding.category()) {
            case PII -> IDENTIFYING.contains(finding.type());
            case SECRET, INJECTION -> false;
        };
    }

    public static double weight(Finding finding) {
        return switch (finding.category()) {
            case PII -> IDENTIFYING.contains(finding.type()) ? finding.confidence()
                    : finding.confidence() * CONTEXTUAL_PII_WEIGHT;
            case SECRET, INJECTION -> finding.confidence();
        };
    }

    /** The report's risk with contextual PII down-weighted; 0 for a report without findings. */
    public static double risk(GuardReport report) {
        double risk = 0;
        for (Finding finding : report.findings()) {
            risk = Math.max(risk, weight(finding));
        }
        return Math.min(1.0, risk);
    }
}
