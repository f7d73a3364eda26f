package io.olyx.domain.guard;

import java.util.List;
import java.util.Set;

/**
 * Whether a word that names both a technology and a person ("Julia", "Jenkins", "Claude", "Ruby") means the
 * technology where it stands: another technology name or a software word is near it on its line ("Write a Julia
 * script", "Docker works but Jenkins fails"). Elsewhere ("I told Julia about the invoice") it stays a name.
 */
final class TechnologySense {

    /** Words that only software talk uses; not "library", "server" or "model", which people have and are too. */
    private static final Set<String> SOFTWARE_WORDS = Set.of("code", "coding", "coded", "script", "scripts",
            "scripting", "programming", "compiler", "compile", "syntax", "runtime", "interpreter", "framework",
            "frameworks", "api", "apis", "sdk", "repository", "repo", "database", "databases", "deploy", "deployed",
            "deploying", "deployment", "software", "plugin", "plugins", "llm", "llms", "ai", "chatbot");
    private static final int WORDS = 8;

    private final EntityLexicon lexicon;

    TechnologySense(EntityLexicon lexicon) {
        this.lexicon = lexicon;
    }

    /** Token i is a technology name with a technology name or software word within eight words on its line. */
    boolean at(String text, List<Token> tokens, int i) {
        if (!lexicon.isTechnologyName(tokens.get(i).lower())) {
            return false;
        }
        LineWindow window = LineWindow.around(text, tokens, i, WORDS);
        for (int k = window.lo(); k <= window.hi(); k++) {
            if (k != i && technical(text, tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A software word, or a technology name that is no person's name: one that is also English ("Python", "Spring",
     * "Windows") only when capitalised inside a sentence, where English would not capitalise it. Another name that
     * is both says nothing ("Julia and Jenkins" may be two people).
     */
    private boolean technical(String text, Token t) {
        String lower = t.lower();
        if (SOFTWARE_WORDS.contains(lower)) {
            return true;
        }
        if (!lexicon.isTechnologyName(lower) || lexicon.isFirstName(lower) || lexicon.isLastName(lower)) {
            return false;
        }
        return !lexicon.isCommonWord(lower) || t.capitalized() && !NameRecognizer.sentenceStart(text, t.start());
    }
}
