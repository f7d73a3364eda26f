package io.olyx.domain.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TechnologySenseTest {
    private final TechnologySense sense = new TechnologySense(EntityLexicon.builtin());

    private boolean at(String text, String word) {
        List<Token> tokens = Token.tokenize(text);
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).text().equals(word)) {
                return sense.at(text, tokens, i);
            }
        }
        throw new IllegalArgumentException(word + " is not in " + text);
    }

    @Test
    void aSoftwareWordNearbyMeansTheTechnology() {
        assertThat(at("Write a Julia script that fits a model.", "Julia")).isTrue();
        assertThat(at("Is Claude better at coding?", "Claude")).isTrue();
    }

    @Test
    void anotherTechnologyNameNearbyMeansTheTechnology() {
        assertThat(at("Docker works, but Jenkins keeps failing.", "Jenkins")).isTrue();
        assertThat(at("Port it from Julia to Python.", "Julia")).isTrue();
    }

    @Test
    void anEnglishWordThatIsATechnologyCountsOnlyCapitalisedInsideASentence() {
        assertThat(at("Julia watched the python in its glass tank.", "Julia")).isFalse();
        assertThat(at("Julia opened the windows.", "Julia")).isFalse();
        assertThat(at("Julia ported it to Windows.", "Julia")).isTrue();
    }

    @Test
    void anotherNameThatIsAlsoATechnologySaysNothing() {
        assertThat(at("Julia and Jenkins met for lunch.", "Julia")).isFalse();
    }

    @Test
    void technologyOnAnotherLineOrFarAwaySaysNothing() {
        assertThat(at("Thanks, Julia\nSent from the Kubernetes team", "Julia")).isFalse();
        assertThat(at("Julia said that we should all meet at the old station on Friday morning before the Kafka talk.",
                "Julia")).isFalse();
    }

    @Test
    void onlyATechnologyNameHasATechnologySense() {
        assertThat(at("Margaret wrote the script.", "Margaret")).isFalse();
    }
}
