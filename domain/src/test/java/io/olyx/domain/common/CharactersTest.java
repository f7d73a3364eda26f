package io.olyx.domain.common;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.IntRange;
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

    @Test
    void aCutThatWouldSplitAPairLeavesTheWholePairOut() {
        assertThat(Characters.truncate("ab😀c", 3)).isEqualTo("ab");
        assertThat(Characters.truncate("ab😀c", 4)).isEqualTo("ab😀");
        assertThat(Characters.truncate("😀".repeat(100), 120)).isEqualTo("😀".repeat(60));
        assertThat(Characters.truncate("x" + "😀".repeat(100), 120)).isEqualTo("x" + "😀".repeat(59));
        assertThat(Characters.truncate("😀", 1)).isEmpty();
        assertThat(Characters.truncate("abc", 0)).isEmpty();
    }

    @Test
    void aTextThatFitsIsReturnedAsItIs() {
        String text = "ab😀";
        assertThat(Characters.truncate(text, 4)).isSameAs(text);
        assertThat(Characters.truncate(text, 40)).isSameAs(text);
        assertThat(Characters.truncate("", 0)).isEmpty();
        assertThat(Characters.abbreviate(text, 4)).isSameAs(text);
    }

    @Test
    void anAbbreviationEndsInAnEllipsisAfterWholeCharacters() {
        assertThat(Characters.abbreviate("ab😀c", 3)).isEqualTo("ab…");
        assertThat(Characters.abbreviate("ab😀c", 4)).isEqualTo("ab😀…");
        assertThat(Characters.abbreviate("abcdef", 3)).isEqualTo("abc…");
    }

    @Test
    void aNegativeBoundIsABug() {
        assertThatThrownBy(() -> Characters.truncate("abc", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Text as callers send it: letters, accents, spaces and characters outside the BMP, every pair whole. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.of("a", "Z", " ", "é", "€", "😀", "𠜎", "𝄞", "👍🏽").list().ofMaxSize(60)
                .map(parts -> String.join("", parts));
    }

    @Property
    void aCutIsAPrefixWithinTheBoundThatSplitsNoPair(@ForAll("text") String text,
                                                     @ForAll @IntRange(max = 130) int max) {
        String cut = Characters.truncate(text, max);
        assertThat(text).startsWith(cut);
        assertThat(cut.length()).isLessThanOrEqualTo(max);
        assertThat(cut.length()).as("at most the one unit a pair needs is given up")
                .isGreaterThanOrEqualTo(Math.min(text.length(), max - 1));
        assertThat(cut.codePoints().noneMatch(cp -> Character.getType(cp) == Character.SURROGATE))
                .as("no half of a pair in %s", cut).isTrue();
        if (text.length() <= max) {
            assertThat(cut).isEqualTo(text);
        }
    }

    /** Whatever the text, even one with halves of pairs on their own, a cut never ends on the first half of one. */
    @Property
    void aCutNeverEndsOnAHighSurrogate(@ForAll @CharRange(from = (char) 0xD700, to = (char) 0xE100) String text,
                                       @ForAll @IntRange(max = 40) int max) {
        String cut = Characters.truncate(text, max);
        assertThat(cut.length()).isLessThanOrEqualTo(max);
        assertThat(text).startsWith(cut);
        if (text.length() > max && !cut.isEmpty()) {
            assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
        }
    }

    @Property
    void anAbbreviationIsTheTextWhenItFitsElseItsCutAndAnEllipsis(@ForAll("text") String text,
                                                                  @ForAll @IntRange(max = 130) int max) {
        assertThat(Characters.abbreviate(text, max))
                .isEqualTo(text.length() <= max ? text : Characters.truncate(text, max) + "…");
    }
}
