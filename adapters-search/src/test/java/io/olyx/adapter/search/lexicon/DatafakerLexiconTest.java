package io.olyx.adapter.search.lexicon;

import io.olyx.domain.guard.EntityLexicon;
import io.olyx.domain.guard.GuardPolicy;
import io.olyx.domain.guard.Guardrails;
import io.olyx.domain.guard.PiiEntity;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class DatafakerLexiconTest {

    private static final DatafakerLexicon LEXICON = DatafakerLexicon.load();

    @Test
    void namesFromManyLocalesAreKnown() {
        assertThat(LEXICON.isFirstName("juhani")).isTrue();      // Finnish
        assertThat(LEXICON.isLastName("korhonen")).isTrue();
        assertThat(LEXICON.isPlace("magyarország")).isTrue();    // Hungarian country name
        assertThat(LEXICON.isFirstName("table")).isFalse();
        assertThat(LEXICON.describe()).contains("first names");
    }

    @Test
    void commonWordsStillComeFromTheBuiltInLexicon() {
        assertThat(LEXICON.isCommonWord("window")).isEqualTo(EntityLexicon.builtin().isCommonWord("window")).isTrue();
    }

    @Test
    void technologyAndCompanyNamesComeFromTheBuiltInLexicon() {
        EntityLexicon builtin = EntityLexicon.builtin();
        assertThat(LEXICON.isTechnologyName("kubernetes")).isEqualTo(builtin.isTechnologyName("kubernetes")).isTrue();
        assertThat(LEXICON.isCompanyName("salesforce")).isEqualTo(builtin.isCompanyName("salesforce")).isTrue();
        assertThat(LEXICON.isTechnologyName("korhonen")).isFalse();
    }

    @Test
    void bothYamlListShapesAreRead() throws Exception {
        String yaml = """
                xx:
                  faker:
                    name:
                      first_name: [Aino, "Veikko", '#{other}']
                      last_name:
                        - "Virtanen"
                        - Laine
                    address:
                      city:
                        - "#{Name.first_name}la"
                        - Oulu
                """;
        Set<String> first = new HashSet<>();
        Set<String> last = new HashSet<>();
        Set<String> places = new HashSet<>();
        DatafakerLexicon.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), first, last, places);
        assertThat(first).containsExactlyInAnyOrder("aino", "veikko");
        assertThat(last).containsExactlyInAnyOrder("virtanen", "laine");
        assertThat(places).containsExactly("oulu");
    }

    @Test
    void guardrailsOnThisLexiconFindLowercaseNamesTheyKnow() {
        String text = "please forward it to juhani korhonen tomorrow";
        Guardrails guard = new Guardrails(LEXICON);
        int start = text.indexOf("juhani");
        assertThat(guard.scanInput(text, GuardPolicy.defaults()).piiEntities())
                .contains(new PiiEntity("person", start, start + "juhani korhonen".length()));
    }
}
