package io.olyx.domain.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Replaces finding spans with typed labels ("[EMAIL]", "[PERSON]"). Overlapping or touching spans are
 * merged into one label named after the longest of them, so no character of any span survives and the
 * text outside the spans keeps its order.
 */
public final class Redactor {

    public String redact(String text, List<Finding> findings) {
        List<Finding> spans = new ArrayList<>();
        for (Finding f : findings) {
            if (f.end() > text.length()) {
                throw new IllegalArgumentException("finding beyond text: " + f);
            }
            if (f.length() > 0) {
                spans.add(f);
            }
        }
        if (spans.isEmpty()) {
            return text;
        }
        spans.sort(Comparator.comparingInt(Finding::start).thenComparingInt(Finding::end));
        StringBuilder out = new StringBuilder(text.length());
        int cursor = 0;
        int i = 0;
        while (i < spans.size()) {
            Finding group = spans.get(i);
            int start = group.start();
            int end = group.end();
            Finding longest = group;
            i++;
            while (i < spans.size() && spans.get(i).start() < end) {
                Finding next = spans.get(i);
                end = Math.max(end, next.end());
                if (next.length() > longest.length()) {
                    longest = next;
                }
                i++;
            }
            out.append(text, cursor, start).append(label(longest.type()));
            cursor = end;
        }
        out.append(text, cursor, text.length());
        return out.toString();
    }

    static String label(String type) {
        return "[" + type.toUpperCase(Locale.ROOT) + "]";
    }
}
