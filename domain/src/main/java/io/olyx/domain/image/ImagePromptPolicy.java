package io.olyx.domain.image;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brand and copyright screening of image prompts (seed 001, "Image generations"): well-known protected characters
 * and brand marks, plus any terms the project adds (settings.images.blocked_terms), matched as whole words after
 * lower-casing. A short list on purpose: it catches the obvious requests a compliance team expects caught without
 * refusing ordinary prompts that merely name a city or a colour.
 */
public final class ImagePromptPolicy {
    private static final Set<String> COPYRIGHTED = Set.of("mickey mouse", "mickey", "minnie mouse", "donald duck",
            "pikachu", "pokemon", "spider-man", "spiderman", "batman", "superman", "darth vader", "yoda",
            "harry potter", "hogwarts", "elsa", "shrek", "sonic the hedgehog", "super mario", "mario bros",
            "hello kitty", "winnie the pooh", "bugs bunny", "homer simpson", "iron man", "captain america");
    private static final Set<String> BRANDS = Set.of("coca-cola", "nike swoosh", "mcdonald's", "apple logo",
            "disney logo", "starbucks logo", "adidas logo", "louis vuitton", "gucci logo");

    private final List<Rule> rules;

    public ImagePromptPolicy(List<String> projectTerms) {
        List<Rule> all = new ArrayList<>();
        COPYRIGHTED.forEach(term -> all.add(new Rule("copyright", term)));
        BRANDS.forEach(term -> all.add(new Rule("brand", term)));
        projectTerms.stream().map(t -> t.toLowerCase(Locale.ROOT).strip()).filter(t -> !t.isEmpty())
                .forEach(term -> all.add(new Rule("policy", term)));
        this.rules = List.copyOf(all);
    }

    public List<Violation> violations(String prompt) {
        String text = prompt.toLowerCase(Locale.ROOT);
        List<Violation> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.find()) {
                found.add(new Violation(rule.type(), rule.term()));
            }
        }
        found.sort((a, b) -> a.term().compareTo(b.term()));
        return found;
    }

    public record Violation(String type, String term) {
        public Violation {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(term, "term");
        }
    }

    private record Rule(String type, String term, Pattern pattern) {
        Rule(String type, String term) {
            this(type, term, Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])"));
        }
    }
}
