package io.olyx.bench.guard;

import io.olyx.adapter.search.lexicon.DatafakerLexicon;
import io.olyx.domain.guard.EntityLexicon;

final class Lexicons {

    private Lexicons() {
    }

    static EntityLexicon byName(String name) {
        return switch (name) {
            case "builtin" -> EntityLexicon.builtin();
            case "datafaker" -> DatafakerLexicon.load();
            default -> throw new IllegalArgumentException("unknown lexicon " + name);
        };
    }
}
