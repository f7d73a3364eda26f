package io.olyx.domain.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Finds personal data with type and character offsets. Structured recognizers (checksums, formats) outrank
 * address parsing, which outranks name chains, when spans overlap; among equals the more confident and then
 * the longer span wins.
 */
public final class PiiDetector {

    private final PatternPiiRecognizer patterns = new PatternPiiRecognizer();
    private final AddressRecognizer addresses;
    private final NameRecognizer names;

    public PiiDetector(EntityLexicon lexicon) {
        Objects.requireNonNull(lexicon, "lexicon");
        this.addresses = new AddressRecognizer(lexicon);
        this.names = new NameRecognizer(lexicon);
    }

    /** Non-overlapping PII findings with confidence at or above {@code threshold}, ordered by start. */
    public List<Finding> detect(String text, double threshold) {
        List<Finding> raw = new ArrayList<>();
        List<Token> tokens = Token.tokenize(text);
        patterns.recognize(text, raw);
        addresses.recognize(text, tokens, raw);
        names.recognize(text, tokens, raw);
        List<Finding> candidates = new ArrayList<>(raw.size());
        for (Finding f : raw) {
            if (f.confidence() >= threshold && f.length() > 0) {
                candidates.add(f);
            }
        }
        candidates.sort(Comparator.comparingInt((Finding f) -> tier(f.type()))
                .thenComparing(Comparator.comparingDouble(Finding::confidence).reversed())
                .thenComparing(Comparator.comparingInt(Finding::length).reversed())
                .thenComparingInt(Finding::start));
        List<Finding> kept = new ArrayList<>();
        for (Finding f : candidates) {
            boolean clash = false;
            for (Finding k : kept) {
                if (k.overlaps(f)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        return kept;
    }

    private static int tier(String type) {
        return switch (type) {
            case "email", "credit_card", "iban", "us_ssn", "ip_address", "url", "driver_license", "passport" -> 0;
            case "phone", "date_time", "age", "street_address", "zip_code",
                 "domain_name" -> 1;
            case "organization", "title", "location" -> 2;
            default -> 3;
        };
    }
}
