package io.olyx.domain.admission;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.model.Pricing;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AdmissionProperties {
    @Provide
    Arbitrary<List<String>> distinctConversations() {
        return Arbitraries.strings().alpha().ofMinLength(3).ofMaxLength(40).list().ofMinSize(2).ofMaxSize(30)
                .uniqueElements(s -> RequestFingerprint.normalise(s));
    }

    @Property
    void distinctRequestsNeverShareAFingerprint(@ForAll("distinctConversations") List<String> prompts) {
        Set<String> fingerprints = new HashSet<>();
        for (String prompt : prompts) {
            fingerprints.add(RequestFingerprint.of(List.of("user:" + prompt)));
        }
        assertThat(fingerprints).hasSize(prompts.size());
    }

    @Property
    void distinctRequestsNeverTripTheLoopDetector(@ForAll("distinctConversations") List<String> prompts,
                                                  @ForAll @IntRange(min = 2, max = 10) int threshold) {
        LoopPolicy policy = new LoopPolicy(threshold, Duration.ofMinutes(10));
        List<String> seen = new ArrayList<>();
        for (String prompt : prompts) {
            String fingerprint = RequestFingerprint.of(List.of("user:" + prompt));
            long earlier = seen.stream().filter(fingerprint::equals).count();
            assertThat(policy.isLoop(earlier)).isFalse();
            seen.add(fingerprint);
        }
    }

    @Property
    void theNthRepeatTripsAndNotBefore(@ForAll @Size(min = 1, max = 5) List<@AlphaChars
            String> parts, @ForAll @IntRange(min = 1, max = 20) int threshold) {
        LoopPolicy policy = new LoopPolicy(threshold, Duration.ofMinutes(10));
        for (int earlier = 0; earlier < threshold - 1; earlier++) {
            assertThat(policy.isLoop(earlier)).isFalse();
        }
        assertThat(policy.isLoop(threshold - 1)).isTrue();
        assertThat(RequestFingerprint.of(parts)).isEqualTo(RequestFingerprint.of(List.copyOf(parts)));
    }

    @Property
    void volatileTokensDoNotMakeARepeatLookNew(@ForAll @IntRange(min = 100000, max = 999999999) int id) {
        String first = RequestFingerprint.of(List.of("user:Check order " + id + " at 2026-04-12T09:00:00Z"));
        String again = RequestFingerprint.of(List.of("user:check  order " + (id + 1) + " at 2026-04-12T09:05:30Z"));
        assertThat(again).isEqualTo(first);
    }

    @Property
    void aReservationIsNeverBelowTheCostOfACallWithinItsBounds(
            @ForAll @IntRange(min = 0, max = 100_000) int promptTokens,
            @ForAll @IntRange(min = 0, max = 8_000) int maxCompletion,
            @ForAll @IntRange(min = 0, max = 8_000) int actualCompletion) {
        Pricing pricing = new Pricing(new BigDecimal("0.0025"), new BigDecimal("0.01"));
        BigDecimal reserved = SpendReservation.estimate(pricing, promptTokens, maxCompletion);
        BigDecimal actual = pricing.cost(promptTokens, Math.min(actualCompletion, maxCompletion));
        assertThat(reserved).isGreaterThanOrEqualTo(actual);
    }

    @Property
    void acceptedReservationsNeverAddUpPastTheLimit(@ForAll @Size(min = 1, max = 200) List<@IntRange(min = 1,
            max = 500) Integer> centsTenths) {
        BigDecimal limit = new BigDecimal("1.00");
        BigDecimal committed = BigDecimal.ZERO;
        for (int amount : centsTenths) {
            BigDecimal ask = BigDecimal.valueOf(amount, 3);
            if (SpendReservation.fits(limit, committed, BigDecimal.ZERO, ask)) {
                committed = committed.add(ask);
            }
        }
        assertThat(committed).isLessThanOrEqualTo(limit);
    }
}
