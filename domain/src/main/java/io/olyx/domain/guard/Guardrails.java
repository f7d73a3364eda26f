package io.olyx.domain.guard;

import io.olyx.domain.common.Characters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The guardrail entry point: PII, prompt injection and secrets on inputs, secrets on outputs, combined into
 * one risk score and decision under a {@link GuardPolicy}. Stateless and thread-safe; build one per lexicon
 * and share it.
 *
 * <p>Decision rules: an input over maxInputLength is blocked (input_too_long); an injection score at or above
 * blockThreshold blocks when injectionBlock is set; secrets follow secretAction (BLOCK blocks, REDACT
 * redacts, ALERT only reports); remaining PII gives REDACT so the pipeline can redact or route to the secure
 * tier. The risk score is the strongest evidence across categories.
 */
public final class Guardrails {

    private final PiiDetector pii;
    private final InjectionDetector injection;
    private final SecretDetector secrets;

    public Guardrails(EntityLexicon lexicon) {
        this.pii = new PiiDetector(Objects.requireNonNull(lexicon, "lexicon"));
        this.injection = new InjectionDetector();
        this.secrets = new SecretDetector();
    }

    /** Guardrails on the compact built-in lexicon. */
    public Guardrails() {
        this(EntityLexicon.builtin());
    }

    public GuardReport scanInput(String text, GuardPolicy policy) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(policy, "policy");
        if (Characters.count(text) > policy.maxInputLength()) {
            return new GuardReport(List.of(), 1.0, GuardDecision.BLOCK, Optional.of(GuardReport.INPUT_TOO_LONG));
        }
        List<Finding> secretFindings = secrets.detect(text);
        InjectionDetector.Result inj = injection.analyse(text);
        List<Finding> piiFindings = withoutOverlaps(pii.detect(text, policy.piiThreshold()), secretFindings);
        List<Finding> all = new ArrayList<>(piiFindings.size() + secretFindings.size() + inj.findings().size());
        all.addAll(piiFindings);
        all.addAll(secretFindings);
        if (inj.score() >= policy.reviewThreshold()) {
            all.addAll(inj.findings());
        }
        all.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        double piiRisk = maxConfidence(piiFindings);
        double secretRisk = maxConfidence(secretFindings);
        double risk = Math.max(inj.score(), Math.max(piiRisk, secretRisk));

        if (policy.injectionBlock() && inj.score() >= policy.blockThreshold()) {
            return new GuardReport(all, risk, GuardDecision.BLOCK, Optional.of(GuardReport.INJECTION_DETECTED));
        }
        if (!secretFindings.isEmpty()) {
            switch (policy.secretAction()) {
                case BLOCK -> {
                    return new GuardReport(all, risk, GuardDecision.BLOCK, Optional.of(GuardReport.SECRET_DETECTED));
                }
                case REDACT -> {
                    return new GuardReport(all, risk, GuardDecision.REDACT, Optional.of(GuardReport.SECRET_DETECTED));
                }
                case ALERT -> {
                    // reported in findings only; PII below may still ask for redaction
                }
            }
        }
        if (!piiFindings.isEmpty()) {
            return new GuardReport(all, risk, GuardDecision.REDACT, Optional.of(GuardReport.PII_DETECTED));
        }
        return new GuardReport(all, risk, GuardDecision.ALLOW, Optional.empty());
    }

    /** The injection score alone (0..1), for callers and benchmarks that gate on it separately. */
    public double injectionScore(String text) {
        return injection.analyse(Objects.requireNonNull(text, "text")).score();
    }

    /** Model outputs are checked for leaked credentials only. */
    public GuardReport scanOutput(String text, GuardPolicy policy) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(policy, "policy");
        List<Finding> found = secrets.detect(text);
        double risk = maxConfidence(found);
        if (found.isEmpty()) {
            return new GuardReport(found, risk, GuardDecision.ALLOW, Optional.empty());
        }
        GuardDecision decision = switch (policy.secretAction()) {
            case BLOCK -> GuardDecision.BLOCK;
            case REDACT -> GuardDecision.REDACT;
            case ALERT -> GuardDecision.ALLOW;
        };
        return new GuardReport(found, risk, decision, Optional.of(GuardReport.SECRET_DETECTED));
    }

    /** A credential is reported once, as a secret, not also as a phone number or a name. */
    private static List<Finding> withoutOverlaps(List<Finding> piiFindings, List<Finding> secretFindings) {
        if (secretFindings.isEmpty()) {
            return piiFindings;
        }
        List<Finding> out = new ArrayList<>(piiFindings.size());
        for (Finding p : piiFindings) {
            boolean covered = false;
            for (Finding s : secretFindings) {
                if (s.overlaps(p)) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                out.add(p);
            }
        }
        return out;
    }

    private static double maxConfidence(List<Finding> findings) {
        double max = 0.0;
        for (Finding f : findings) {
            max = Math.max(max, f.confidence());
        }
        return max;
    }
}
