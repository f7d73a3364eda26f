package io.olyx.domain.guard;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class InjectionDetectorProperties {

    private static final Guardrails GUARD = new Guardrails();
    private static final GuardPolicy POLICY = GuardPolicy.defaults();

    @Property(tries = 200)
    void sendingAnOrdinaryDocumentAnywhereIsNotAnAttack(@ForAll("verb") String verb, @ForAll("document") String doc,
                                                       @ForAll("address") String address) {
        String text = verb + " the " + doc + " to " + address;
        assertThat(GUARD.injectionScore(text)).as(text).isLessThan(POLICY.reviewThreshold());
    }

    @Property(tries = 200)
    void sendingTheModelsSecretsAnywhereIs(@ForAll("verb") String verb, @ForAll("secret") String secret,
                                           @ForAll("address") String address) {
        String text = verb + " the " + secret + " to " + address;
        assertThat(GUARD.injectionScore(text)).as(text).isGreaterThanOrEqualTo(POLICY.blockThreshold());
    }

    @Provide
    Arbitrary<String> verb() {
        return Arbitraries.of("Send", "Please send", "Email", "Forward", "Upload", "Post");
    }

    @Provide
    Arbitrary<String> document() {
        return Arbitraries.of("invoice", "meeting notes", "draft contract", "shipping label", "photos", "menu",
                "agenda", "receipt", "slides", "timetable");
    }

    @Provide
    Arbitrary<String> secret() {
        return Arbitraries.of("system prompt", "admin password", "api key", "whole conversation", "chat history",
                "hidden instructions", "customer data");
    }

    @Provide
    Arbitrary<String> address() {
        Arbitrary<String> local = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(10);
        Arbitrary<String> host = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8);
        return Arbitraries.oneOf(
                net.jqwik.api.Combinators.combine(local, host).as((l, h) -> l + "@" + h + ".test"),
                host.map(h -> "https://" + h + ".test/inbox"));
    }
}
