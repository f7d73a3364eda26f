package io.olyx.adapter.search.lexicon;

import io.olyx.domain.guard.EntityLexicon;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guardrail lexicon backed by the name and place lists that ship in the net.datafaker:datafaker jar (all of
 * its locales: first and last names, cities, states, countries), on top of the domain's built-in lexicon, which
 * still answers common-word, nationality and technology-name questions. Loaded once from the classpath; immutable
 * afterwards.
 */
public final class DatafakerLexicon implements EntityLexicon {

    /** The locale files of datafaker 2.7.0 (resources at the jar root) plus the English sub-files. */
    private static final List<String> RESOURCES = List.of("ar", "be", "bg", "by", "ca-CAT", "ca", "cs-CZ", "cs",
            "da-DK", "de-AT", "de-CH", "de", "el-GR", "en-AU", "en-CA", "en-GB", "en-IE", "en-IN", "en-MD", "en-MS",
            "en-NEP", "en-NG", "en-NZ", "en-PAK", "en-PH", "en-PK", "en-SG", "en-UG", "en-US", "en-ZA", "en", "es-AR",
            "es-MX", "es-PY", "es", "et", "fa", "fi-FI", "fr-CA", "fr-CH", "fr", "he", "hr", "hu", "hy", "id-ID", "id",
            "it", "ja", "ka", "ko", "lv", "mk", "nb-NO", "nl-BE", "nl", "no-NO", "pl", "pt-BR", "pt", "ro-MD",
            "ru-MD", "ru", "sk", "sq", "sv-SE", "sv", "ta-IN", "ta", "th", "tr", "uk", "uz", "vi", "zh-CN", "zh-TW",
            "en/name", "en/address", "en/nation");

    private static final Pattern FLOW_LIST = Pattern.compile("^(\\s*)([\\w]+):\\s*\\[(.*)]\\s*$");
    private static final Pattern BLOCK_KEY = Pattern.compile("^(\\s*)([\\w]+):\\s*$");
    private static final Pattern BLOCK_ITEM = Pattern.compile("^(\\s*)-\\s*(.+?)\\s*$");

    private final EntityLexicon base;
    private final Set<String> first;
    private final Set<String> last;
    private final Set<String> places;

    private DatafakerLexicon(EntityLexicon base, Set<String> first, Set<String> last, Set<String> places) {
        this.base = base;
        this.first = first;
        this.last = last;
        this.places = places;
    }

    /** Reads every datafaker locale file from the classpath. */
    public static DatafakerLexicon load() {
        Set<String> first = new HashSet<>();
        Set<String> last = new HashSet<>();
        Set<String> places = new HashSet<>();
        ClassLoader loader = DatafakerLexicon.class.getClassLoader();
        int found = 0;
        for (String name : RESOURCES) {
            try (InputStream in = loader.getResourceAsStream(name + ".yml")) {
                if (in == null) {
                    continue;
                }
                found++;
                read(in, first, last, places);
            } catch (IOException e) {
                throw new UncheckedIOException("reading datafaker resource " + name, e);
            }
        }
        if (found == 0) {
            throw new IllegalStateException("datafaker resources are not on the classpath");
        }
        return new DatafakerLexicon(EntityLexicon.builtin(), Set.copyOf(first), Set.copyOf(last), Set.copyOf(places));
    }

    /** A tiny reader for the two list shapes datafaker uses: {@code key: [a, b]} and {@code key:} + {@code - a} lines. */
    static void read(InputStream in, Set<String> first, Set<String> last, Set<String> places) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String blockKey = null;
        int blockIndent = -1;
        String line;
        while ((line = r.readLine()) != null) {
            Matcher flow = FLOW_LIST.matcher(line);
            if (flow.matches()) {
                blockKey = null;
                Set<String> target = target(flow.group(2), first, last, places);
                if (target != null) {
                    for (String v : flow.group(3).split(",")) {
                        add(target, v);
                    }
                }
                continue;
            }
            Matcher key = BLOCK_KEY.matcher(line);
            if (key.matches()) {
                blockKey = key.group(2);
                blockIndent = key.group(1).length();
                continue;
            }
            Matcher item = BLOCK_ITEM.matcher(line);
            if (item.matches() && blockKey != null && item.group(1).length() >= blockIndent) {
                Set<String> target = target(blockKey, first, last, places);
                if (target != null) {
                    add(target, item.group(2));
                }
                continue;
            }
            if (!line.isBlank()) {
                blockKey = null;
            }
        }
    }

    private static Set<String> target(String key, Set<String> first, Set<String> last, Set<String> places) {
        if (key.contains("first_name")) {
            return first;
        }
        if (key.contains("last_name")) {
            return last;
        }
        return switch (key) {
            case "city", "city_name", "default_city", "state", "country", "default_country", "province", "region",
                 "county", "capital_city" -> places;
            default -> null;
        };
    }

    private static void add(Set<String> target, String raw) {
        String v = raw.trim();
        if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
            v = v.substring(1, v.length() - 1).trim();
        }
        if (v.isEmpty() || v.contains("#{") || v.indexOf('#') >= 0 || v.chars().anyMatch(Character::isDigit)) {
            return;
        }
        target.add(v.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean isCommonWord(String lower) {
        return base.isCommonWord(lower);
    }

    @Override
    public boolean isFirstName(String lower) {
        return first.contains(lower) || base.isFirstName(lower);
    }

    @Override
    public boolean isLastName(String lower) {
        return last.contains(lower) || base.isLastName(lower);
    }

    @Override
    public boolean isCountry(String lower) {
        return base.isCountry(lower);
    }

    @Override
    public boolean isPlace(String lower) {
        return places.contains(lower) || base.isPlace(lower);
    }

    @Override
    public boolean isNationality(String lower) {
        return base.isNationality(lower);
    }

    @Override
    public boolean isTechnologyName(String lower) {
        return base.isTechnologyName(lower);
    }

    @Override
    public boolean isCompanyName(String lower) {
        return base.isCompanyName(lower);
    }

    /** Sizes of the loaded lists, for logs and tests. */
    public String describe() {
        return first.size() + " first names, " + last.size() + " last names, " + places.size() + " places";
    }
}
