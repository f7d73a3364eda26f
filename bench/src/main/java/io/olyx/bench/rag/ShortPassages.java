package io.olyx.bench.rag;

import io.olyx.domain.common.Characters;
import java.util.ArrayList;
import java.util.List;

/**
 * "Short passages" for throughput figures, cut from the SciFact abstracts: the leading sentences of each abstract
 * until at least {@value #MIN_CHARS} characters, at most {@value #MAX_CHARS} (about 25-70 word pieces each), one
 * passage per abstract, so 5,183 of them.
 */
final class ShortPassages {
    static final int MIN_CHARS = 120;
    static final int MAX_CHARS = 300;

    private ShortPassages() {
    }

    record Passage(String id, String text) {
    }

    static List<Passage> of(SciFactData data) {
        List<Passage> passages = new ArrayList<>();
        for (SciFactData.Doc d : data.corpus()) {
            passages.add(new Passage(d.id(), passage(d.text().isBlank() ? d.title() : d.text())));
        }
        return passages;
    }

    static String passage(String text) {
        StringBuilder out = new StringBuilder();
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            if (out.length() >= MIN_CHARS) {
                break;
            }
            out.append(out.isEmpty() ? "" : " ").append(sentence);
        }
        String p = out.toString();
        if (p.length() <= MAX_CHARS) {
            return p;
        }
        int cut = p.lastIndexOf(' ', MAX_CHARS);
        return Characters.truncate(p, cut > MIN_CHARS ? cut : MAX_CHARS);
    }
}
