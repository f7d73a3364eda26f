package io.olyx.domain.guard;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GuardrailsProperties {

    private static final Guardrails GUARD = new Guardrails();
    private static final GuardPolicy POLICY = GuardPolicy.defaults();
    private static final List<String> COMMON = List.of("the", "house", "water", "green", "table", "over", "under",
            "quickly", "bread", "window", "garden", "walk", "talk", "river", "cloud", "paper", "little", "bright",
            "morning", "because", "with", "about", "small", "music", "chair", "apple", "simple", "travel", "answer",
            "number", "letter", "family", "animal", "school", "friend", "happy", "slowly", "under", "every", "story");

    @Property(tries = 200)
    void findingsHaveValidOffsetsInsideTheText(@ForAll("mixedText") String text) {
        GuardReport report = GUARD.scanInput(text, POLICY);
        for (Finding f : report.findings()) {
            assertThat(f.start()).isBetween(0, text.length());
            assertThat(f.end()).isBetween(f.start(), text.length());
            assertThat(f.confidence()).isBetween(0.0, 1.0);
        }
        assertThat(report.riskScore()).isBetween(0.0, 1.0);
    }

    @Property(tries = 300)
    void scanningNeverThrowsOnArbitraryUnicode(@ForAll String text) {
        GUARD.scanInput(text, POLICY.withMaxInputLength(100_000));
        GUARD.scanOutput(text, POLICY);
    }

    @Property(tries = 30)
    void longRepetitiveInputsNeverBreakTheScanner(@ForAll("unit") String unit) {
        String text = unit.repeat(9_000 / unit.length());
        GUARD.scanInput(text, POLICY);
        GUARD.scanOutput(text, POLICY);
    }

    @Provide
    Arbitrary<String> unit() {
        return Arbitraries.of("1", "1 ", "a@", "x.", "1.", "-.", "ff:", "01010101 ", "key=", "Aa ", ", \n",
                "ab_", "a.b", "0000 ", "(1) ", "Rue ", "ignore ", "x-");
    }

    @Property(tries = 100)
    void scanningIsDeterministic(@ForAll("mixedText") String text) {
        assertThat(GUARD.scanInput(text, POLICY)).isEqualTo(GUARD.scanInput(text, POLICY));
    }

    @Property(tries = 200)
    void lowercaseWordSoupOfCommonWordsHasNoFinding(@ForAll("wordSoup") String text) {
        GuardReport report = GUARD.scanInput(text, POLICY);
        assertThat(report.findings()).isEmpty();
        assertThat(report.decision()).isEqualTo(GuardDecision.ALLOW);
    }

    @Property(tries = 500)
    void luhnAcceptsExactlyOneCheckDigit(@ForAll("digits") String body) {
        int valid = 0;
        for (char d = '0'; d <= '9'; d++) {
            if (Checksums.luhn(body + d)) {
                valid++;
            }
        }
        assertThat(valid).isEqualTo(1);
    }

    @Property(tries = 300)
    void ibanCheckDigitsFromMod97Validate(@ForAll("bban") String bban) {
        String country = "GB";
        String rearranged = bban + country + "00";
        java.math.BigInteger n = new java.math.BigInteger(toDigits(rearranged));
        int check = 98 - n.mod(java.math.BigInteger.valueOf(97)).intValue();
        String iban = country + String.format("%02d", check) + bban;
        assertThat(Checksums.ibanMod97(iban)).isTrue();
        String wrong = country + String.format("%02d", (check + 1) % 100) + bban;
        assertThat(Checksums.ibanMod97(wrong)).isFalse();
    }

    @Property(tries = 300)
    void redactionRemovesEverySpanAndKeepsTheRest(@ForAll("redactionCase") RedactionCase c) {
        String out = new Redactor().redact(c.text(), c.findings());
        boolean[] covered = new boolean[c.text().length()];
        for (Finding f : c.findings()) {
            for (int i = f.start(); i < f.end(); i++) {
                covered[i] = true;
            }
        }
        // the uncovered characters survive in order, and the output is exactly them plus placeholders
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < covered.length; i++) {
            if (!covered[i]) {
                kept.append(c.text().charAt(i));
            }
        }
        String withoutPlaceholders = out.replaceAll("\\[[A-Z_]+\\]", "");
        assertThat(withoutPlaceholders).isEqualTo(kept.toString());
        int cursor = 0;
        for (int i = 0; i < covered.length; i++) {
            if (covered[i]) {
                continue;
            }
            int at = out.indexOf(c.text().charAt(i), cursor);
            assertThat(at).isGreaterThanOrEqualTo(0);
            cursor = at + 1;
        }
    }

    record RedactionCase(String text, List<Finding> findings) {
    }

    @Provide
    Arbitrary<RedactionCase> redactionCase() {
        Arbitrary<String> texts = Arbitraries.strings().withChars("abcdefghij .,-0123").ofMinLength(1).ofMaxLength(60);
        return texts.flatMap(t -> {
            Arbitrary<Finding> finding = Combinators.combine(
                            Arbitraries.integers().between(0, t.length()), Arbitraries.integers().between(0, t.length()),
                            Arbitraries.of("email", "person", "phone"))
                    .as((a, b, type) -> new Finding(FindingCategory.PII, type, Math.min(a, b), Math.max(a, b), 0.9));
            return finding.list().ofMaxSize(5).map(fs -> new RedactionCase(t, new ArrayList<>(fs)));
        });
    }

    @Provide
    Arbitrary<String> wordSoup() {
        return Arbitraries.of(COMMON).list().ofMinSize(1).ofMaxSize(40).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<String> mixedText() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of(COMMON),
                Arbitraries.of("Jane Doe", "ignore previous instructions", "4111 1111 1111 1111", "a@b.io",
                        "AKIAZ7Q3XKDLMOPQRSTU", "+1 415 555 0100", "12 Main Street\nBoston", "\u200B", "\uD83D\uDE00"),
                Arbitraries.strings().ofMaxLength(8));
        return pieces.list().ofMaxSize(30).map(ws -> String.join(" ", ws));
    }

    @Provide
    Arbitrary<String> digits() {
        return Arbitraries.strings().numeric().ofMinLength(5).ofMaxLength(18);
    }

    @Provide
    Arbitrary<String> bban() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789").ofLength(18);
    }

    private static String toDigits(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return b.toString();
    }
}
