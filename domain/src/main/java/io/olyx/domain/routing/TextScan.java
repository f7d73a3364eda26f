package io.olyx.domain.routing;

/**
 * Counts, in one pass over the start of a text, everything the features are made of: cue words per class,
 * quantities, math and code punctuation, question marks, answer-option and numbered-list lines, clauses.
 */
final class TextScan {

    /**
     * Only this many leading characters are scanned for words and symbols, which bounds the cost of a request with
     * a pasted document (the cue features saturate after a few hits anyway). The length features still see the
     * full size. A prefix (rather than, say, head and tail) keeps the counts monotone when text is appended.
     */
    static final int MAX_SCANNED_CHARS = 4_000;

    private static final String MATH_SYMBOLS = "×÷√∫∑∏π≤≥≠≈∞∂∈∉⊂⊆⊃∪∩∀∃¬∧∨≡→⇒⇔";
    private static final String[] CODE_DIGRAPHS = {"=>", "->", "::", "==", "!=", "&&", "||", "()", "</", "/>"};
    private static final String CODE_DIGRAPH_STARTS = "=-:!&|(</";
    private static final String[] NEGATIONS = {"NOT", "EXCEPT", "LEAST"};

    private final int[] cues = new int[Cue.values().length];
    private int numerals;
    private int mathSymbols;
    private int codeSymbols;
    private boolean fencedCode;
    private int questionMarks;
    private int optionLines;
    private int numberedLines;
    private int negations;
    private int clauseBreaks;

    private TextScan() {
    }

    static TextScan of(String text) {
        int length = Math.min(text.length(), MAX_SCANNED_CHARS);
        char[] chars = new char[length];
        text.getChars(0, length, chars, 0);
        TextScan scan = new TextScan();
        scan.scanCharacters(chars);
        scan.scanWords(chars);
        return scan;
    }

    int count(Cue cue) {
        return cues[cue.ordinal()];
    }

    int numerals() {
        return numerals;
    }

    int mathSymbols() {
        return mathSymbols;
    }

    int codeSymbols() {
        return codeSymbols;
    }

    boolean fencedCode() {
        return fencedCode;
    }

    int questionMarks() {
        return questionMarks;
    }

    int optionLines() {
        return optionLines;
    }

    int numberedLines() {
        return numberedLines;
    }

    int negations() {
        return negations;
    }

    int clauseBreaks() {
        return clauseBreaks;
    }

    private void scanCharacters(char[] text) {
        int length = text.length;
        boolean lineStart = true;
        for (int i = 0; i < length; i++) {
            char c = text[i];
            if (lineStart && !Chars.isBlank(c)) {
                lineStart = false;
                scanLineStart(text, i);
            }
            if (c == ' ') {
                continue;
            }
            if (Chars.isWordChar(c)) {
                if ((c == 'N' || c == 'E' || c == 'L') && (i == 0 || !Chars.isLetter(text[i - 1]))) {
                    negations += negationAt(text, i) ? 1 : 0;
                }
                continue;
            }
            switch (c) {
                case '\n' -> {
                    lineStart = true;
                    codeSymbols += endsCodeLine(text, i) ? 1 : 0;
                }
                case '?' -> {
                    questionMarks++;
                    clauseBreaks++;
                }
                case ',' -> clauseBreaks += betweenDigits(text, i) ? 0 : 1;
                case ';', '!' -> clauseBreaks++;
                case '.' -> clauseBreaks += blankOrEnd(text, i + 1) ? 1 : 0;
                case '`' -> fencedCode |= i + 2 < length && text[i + 1] == '`' && text[i + 2] == '`';
                case '\\' -> mathSymbols += (i + 1 < length && Chars.isLetter(text[i + 1])) ? 1 : 0;
                case '=', '+', '^' -> mathSymbols++;
                default -> mathSymbols += c >= 128 && MATH_SYMBOLS.indexOf(c) >= 0 ? 1 : 0;
            }
            if (i + 1 < length && CODE_DIGRAPH_STARTS.indexOf(c) >= 0) {
                codeSymbols += codeDigraphAt(text, i) ? 1 : 0;
            }
        }
    }

    // "A. ...", "(b) ...", "C) ..." start an answer option; "1. ...", "12) ..." a numbered step. The end of the
    // text counts as a blank, so that appending to a text never changes how its last line was read.
    private void scanLineStart(char[] text, int i) {
        int j = text[i] == '(' ? i + 1 : i;
        if (j + 1 < text.length && isOptionLetter(text[j]) && isListMark(text[j + 1]) && blankOrEnd(text, j + 2)) {
            optionLines++;
            return;
        }
        int k = i;
        while (k < text.length && k - i < 3 && Chars.isDigit(text[k])) {
            k++;
        }
        if (k > i && k < text.length && isListMark(text[k]) && blankOrEnd(text, k + 1)) {
            numberedLines++;
        }
    }

    // the thousands separator in 1,000 is no clause break
    private static boolean betweenDigits(char[] text, int i) {
        return i > 0 && i + 1 < text.length && Chars.isDigit(text[i - 1]) && Chars.isDigit(text[i + 1]);
    }

    private static boolean blankOrEnd(char[] text, int i) {
        return i >= text.length || Chars.isBlank(text[i]);
    }

    // Folds the text in place (lower case, blank runs to one space): the character pass is done with it.
    private void scanWords(char[] text) {
        char[] folded = text;
        int n = 0;
        boolean inBlank = false;
        for (int k = 0; k < text.length; k++) {
            char c = text[k];
            if (Chars.isBlank(c)) {
                if (!inBlank) {
                    folded[n++] = ' ';
                }
                inBlank = true;
            } else {
                folded[n++] = Chars.lower(c);
                inBlank = false;
            }
        }
        int[] end = new int[1];
        boolean previousIsWordChar = false;
        for (int i = 0; i < n; i++) {
            boolean isWordChar = Chars.isWordChar(folded[i]);
            boolean wordStart = isWordChar && !previousIsWordChar;
            previousIsWordChar = isWordChar;
            if (!wordStart) {
                continue;
            }
            if (Chars.isDigit(folded[i])) {
                numerals++;
                i = skipNumber(folded, n, i);
                continue;
            }
            int mask = Lexicon.STANDARD.longestMatch(folded, n, i, end);
            if (mask != 0) {
                // a phrase's inner words are not counted again ("and then" is one cue, not three)
                i = end[0] - 1;
                previousIsWordChar = Chars.isWordChar(folded[i]);
            }
            for (; mask != 0; mask &= mask - 1) {
                cues[Integer.numberOfTrailingZeros(mask)]++;
            }
        }
    }

    // A capitalised NOT / EXCEPT / LEAST as a whole word: the question asks for the odd one out.
    private static boolean negationAt(char[] text, int i) {
        for (String word : NEGATIONS) {
            int end = i + word.length();
            if (end <= text.length && (end == text.length || !Chars.isLetter(text[end])) && matches(text, i, word)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(char[] text, int at, String word) {
        for (int k = 0; k < word.length(); k++) {
            if (text[at + k] != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    // The index of the number's last character: digits, with "," or "." only between digits (1,000 or 3.5).
    private static int skipNumber(char[] text, int n, int i) {
        int j = i;
        while (j + 1 < n && (Chars.isDigit(text[j + 1])
                || ((text[j + 1] == ',' || text[j + 1] == '.') && j + 2 < n && Chars.isDigit(text[j + 2])))) {
            j++;
        }
        return j;
    }

    private static boolean codeDigraphAt(char[] text, int i) {
        char first = text[i];
        char second = text[i + 1];
        for (String digraph : CODE_DIGRAPHS) {
            if (first == digraph.charAt(0) && second == digraph.charAt(1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsCodeLine(char[] text, int newline) {
        int j = newline - 1;
        while (j >= 0 && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) {
            j--;
        }
        return j >= 0 && (text[j] == ';' || text[j] == '{' || text[j] == '}');
    }

    private static boolean isOptionLetter(char c) {
        return (c >= 'A' && c <= 'H') || (c >= 'a' && c <= 'h');
    }

    private static boolean isListMark(char c) {
        return c == '.' || c == ')';
    }
}
