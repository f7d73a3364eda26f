package io.olyx.domain.guard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImperativeOpeningsTest {
    private final Guardrails guardrails = new Guardrails();

    @ParameterizedTest
    @ValueSource(strings = {"Summarise this document for the board.", "Analyse the contract for liability clauses.",
            "Colour the chart by region.", "Refactor this function to use streams."})
    void aCapitalisedVerbOpeningARequestIsNotAName(String prompt) {
        assertThat(guardrails.scanInput(prompt, GuardPolicy.defaults()).findings(FindingCategory.PII)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sarah Connor called about the invoice.", "Please ask Jane Doe to sign the contract."})
    void realNamesAreStillFound(String prompt) {
        assertThat(guardrails.scanInput(prompt, GuardPolicy.defaults()).findings(FindingCategory.PII))
                .extracting(Finding::type).contains("person");
    }
}
