package io.olyx.domain.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A capitalised word that is not common English is a name in English prose, but not in prose that is not English:
 * there every sentence opens with such a word. Acronym plurals and group plurals are not people either.
 */
class ProseInOtherLanguagesTest {
    private final Guardrails guardrails = new Guardrails();

    private List<Finding> pii(String text) {
        return guardrails.scanInput(text, GuardPolicy.defaults()).findings(FindingCategory.PII);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Résumez ce paragraphe en trois phrases.", "Bonjour tout le monde, merci beaucoup.",
            "Fasse diesen Absatz bitte kurz zusammen.", "Resume este párrafo en dos frases, por favor.",
            "Traduci questo testo in inglese, grazie.", "Quel est le meilleur restaurant à Paris ?", "Résumez ce paragraphe. Résumez ce paragraphe."})
    void sentencesInOtherLanguagesNameNobody(String prompt) {
        assertThat(pii(prompt)).extracting(Finding::type).doesNotContain("person");
    }

    @Test
    void namesTheLexiconKnowsAreStillFoundInOtherLanguages() {
        String text = "Je m'appelle Sarah Connor et je voudrais changer mon adresse.";
        assertThat(pii(text)).anyMatch(f -> f.type().equals("person") && text.substring(f.start(), f.end()).startsWith("Sarah"));
    }

    @Test
    void aRunOfCapitalisedWordsInsideASentenceIsStillAName() {
        String text = "Ich heiße Zorvath Quellin und wohne hier seit zwei Jahren.";
        assertThat(pii(text)).anyMatch(f -> f.type().equals("person") && text.substring(f.start(), f.end()).equals("Zorvath Quellin"));
    }

    @Test
    void aNameAfterATitleIsStillFoundInOtherLanguages() {
        String text = "Bonjour Mr. Dupontel, votre commande est prête.";
        assertThat(pii(text)).anyMatch(f -> f.type().equals("person") && text.substring(f.start(), f.end()).equals("Dupontel"));
    }

    @Test
    void anUnknownNameInEnglishProseIsStillAName() {
        String text = "Zorvath Quellin signed the lease and sent it back yesterday.";
        assertThat(pii(text)).anyMatch(f -> f.type().equals("person") && text.substring(f.start(), f.end()).equals("Zorvath Quellin"));
    }

    @Test
    void aLineOfItsOwnHasNoLanguageToJudge() {
        String text = "Contact:\nZorvath Quellin\nsee https://www.example.de/kontakt und mehr";
        assertThat(pii(text)).anyMatch(f -> f.type().equals("person") && text.substring(f.start(), f.end()).equals("Zorvath Quellin"));
    }

    @Test
    void acronymPluralsAreNotPeople() {
        assertThat(pii("Compare the prices of DVDs and TVs in this catalogue.")).isEmpty();
    }

    @Test
    void groupPluralsAreGroupsNotPeople() {
        assertThat(pii("Why did Catholics and Muslims share the city for so long?"))
                .extracting(Finding::type).doesNotContain("person").contains("nrp");
    }
}
