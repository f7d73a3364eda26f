package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import org.junit.jupiter.api.Test;

class CharactersTest {
    private static final char HIGH = 0xD83D;
    private static final char LOW = 0xDE00;

    @Test
    void aCharacterOutsideTheBmpCountsOnce() {
        assertThat(Characters.count("😀")).isEqualTo(1);
        assertThat(Characters.count("😀".repeat(200))).isEqualTo(200);
        assertThat(Characters.count("a𠜎b𝄞")).isEqualTo(4);
        assertThat(Characters.count("")).isZero();
        assertThat(Characters.count("café")).isEqualTo(4);
    }

    @Test
    void halfAPairOnItsOwnCountsOnceAndNeverTwice() {
        assertThat(Characters.count(String.valueOf(HIGH))).isEqualTo(1);
        assertThat(Characters.count(String.valueOf(LOW))).isEqualTo(1);
        assertThat(Characters.count("" + LOW + HIGH)).as("a pair in the wrong order is two halves").isEqualTo(2);
        assertThat(Characters.count("x" + HIGH + HIGH + LOW)).as("a lone high before a pair").isEqualTo(3);
        assertThat(Characters.count("end " + HIGH)).isEqualTo(5);
    }

    /** A count lies between half the UTF-16 length and the UTF-16 length, so a column of twice the limit holds it. */
    @Property
    void neverMoreThanTheUtf16LengthNorLessThanHalfOfIt(
            @ForAll @CharRange(from = (char) 0xD700, to = (char) 0xE100) String text) {
        int count = Characters.count(text);
        assertThat(count).isBetween((text.length() + 1) / 2, text.length());
        assertThat(count).isEqualTo((int) text.codePoints().count());
    }
}
