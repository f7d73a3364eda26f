package io.olyx.domain.rag;

import io.olyx.domain.common.Characters;

/**
 * Sizes of a text as the document endpoint reports them. Characters are Unicode code points; words are runs of
 * non-whitespace; tokens are approximated at four characters each, the usual figure for English with BPE
 * tokenizers (no tokenizer of any particular model is implied).
 */
public record TextStats(int characterCount, int wordCount, int approximateTokenCount) {

    public static TextStats of(String text) {
        int chars = Characters.count(text);
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return new TextStats(chars, words, (chars + 3) / 4);
    }
}
