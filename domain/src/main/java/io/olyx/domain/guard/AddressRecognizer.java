package io.olyx.domain.guard;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal addresses. A street line is found by shape (house number plus street-type word, a street prefix such
 * as "Rue"/"Via", or a street name carrying a street morpheme like "-vej", "-katu", "-strasse" followed by a
 * number); from there the block is followed line by line or comma by comma through unit, city, region,
 * country and postal code. Components are reported separately (street_address, location, zip_code) so that
 * callers redact each and an evaluator can match either granularity.
 */
final class AddressRecognizer {

    private static final String W = "[\\p{L}][\\p{L}'’.-]*";
    private static final String NUM = "\\d{1,6}[A-Za-z]?";
    private static final String SUFFIX = "(?:street|st|road|rd|avenue|ave|lane|ln|drive|dr|place|pl|way|boulevard|blvd|court|ct"
            + "|circle|cir|terrace|parkway|pkwy|highway|hwy|square|sq|trail|loop|lodge|point|crescent|close|gardens|row"
            + "|walk|alley|plaza|crossing|ridge|heights|park|grove|mews|isle|pike|glen|streets|route|expressway|freeway"
            + "|junction|landing|manor|meadows|mill|mount|orchard|port|ranch|shoals|spring|springs|station|stravenue"
            + "|summit|turnpike|valley|viaduct|village|villages|vista|estates|extension|falls|ferry|field|fields|flat"
            + "|ford|forge|fork|forks|fort|green|harbor|haven|hollow|inlet|island|islands|key|knoll|knolls|lake|lakes"
            + "|light|lights|lock|locks|motorway|neck|oval|overpass|pines|plain|plains|radial|ramp|rapids|rest|shore"
            + "|shores|skyway|spur|stream|underpass|union|unions|view|views|ville|wall|well|wells)\\b\\.?";
    private static final String PREFIX = "(?:rue|rua|rúa|via|viale|calle|carrer|avenida|av\\.|strada|piazza|piazzale|corso|largo"
            + "|ul\\.|u\\.|plac|ulica|route|chemin|cite|cité|λεωφόρος|οδός|οδ\\.|λ\\.|πλατεία)";
    private static final String MORPHEME = "(?:vej|gade|gatan|gata|gate|katu|kuja|tie|strasse|straße|str|weg|laan|straat|plein"
            + "|gasse|allee|ring|platz|väg|vägen|veien|vegen|tori|polku|rinne|kaari|utca|út|útja|ulice|ulica|sokak|caddesi"
            + "|hove|kade|singel|dreef|lei|baan|markt|graben|steig|damm|ufer|chaussee|bakken|stræde|stien|brekka|braut"
            + "|vegur|gränd|torget|backe|stig)";

    private static final String CW = "[\\p{Lu}][\\p{L}'’.-]*";
    private static final String PARTICLE = "(?:de|del|della|dei|degli|delle|des|da|do|dos|das|di|du|la|le|les|van|von|der|den|het|ter|u\\.|ul\\.|gate|str\\.?|tee|tie|gata|vej|väg|y|e|i|al|el|an|am|im)";
    private static final String SP = "[ \\t]+";

    private static final Pattern STREET_SUFFIX = Pattern.compile(
            "(?u)(?<![\\p{L}\\d])(?:" + NUM + SP + "){1,2}(?:" + W + SP + "){1,3}(?i:" + SUFFIX + ")");
    private static final Pattern STREET_PREFIX = Pattern.compile(
            "(?u)(?<![\\p{L}\\d])(?:" + NUM + SP + "){0,2}(?i:" + PREFIX + ")" + SP + "(?:(?:" + CW + "|" + PARTICLE + ")" + SP + "){0,3}" + CW + "(?:" + SP + NUM + ")?(?![\\p{L}\\d])");
    private static final Pattern ADDRESS_CUE = Pattern.compile(
            "(?iu)(?:address|addresses|live at|lives at|lived in|live in|located at|located in|located on|is at|are at|to|at|on|in|of"
                    + "|stop at|meet me at|moved to|sent to|send to|deliver to|ship to|return to)\\W*$");
    private static final Pattern MILITARY = Pattern.compile(
            "(?:PSC \\d{3,5}, Box \\d{3,5}|Unit \\d{3,5} Box \\d{3,5}|USNS \\p{L}+|USS \\p{L}+|USCGC \\p{L}+)\\s*\\n?\\s*[AFD]PO A[AEP] \\d{5}");
    private static final Pattern PO_BOX = Pattern.compile("(?i)(?:\\b\\d{1,6} )?\\bP\\.? ?O\\.? Box \\d{1,6}\\b");
    private static final Pattern CORNER = Pattern.compile(
            "(?iu)\\bthe corner of [\\p{L}\\d' .-]{2,50}? and [\\p{L}\\d' .-]{2,40}?(?=\\s*(?:$|[\\n,;?!]|\\.(?:\\s|$)))");
    private static final Pattern DOUBLE_NUMBER_STREET = Pattern.compile(
            "(?u)(?<![\\p{L}\\d])\\d{1,6} \\d{1,6} \\p{Lu}[\\p{L}'’-]+(?: \\p{Lu}[\\p{L}'’-]+){0,2}(?![\\p{L}\\d])");
    private static final Pattern UNIT = Pattern.compile("(?i)\\b(?:apt\\.?|apartment|suite|ste\\.|unit|flat)\\s*#?\\d{1,5}[a-z]?\\b");

    private static final Pattern SEPARATOR = Pattern.compile("(?:[ \\t]*(?:,|\\.?[ \\t]*\\n)[ \\t>?]*){1,8}|[ \\t]+");
    private static final Pattern ZIP = Pattern.compile("(?u)(?:\\d{4,6}(?:-\\d{4})?|\\d{3}|\\d{3} \\d{2}|[A-Z]\\d[A-Z] ?\\d[A-Z]\\d|[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2})(?![\\p{L}\\d])");
    private static final Pattern REGION = Pattern.compile("(?u)(?:[A-Z]{2,3}|nan|\\d{1,2})(?![\\p{L}\\d])");
    private static final Pattern PLACE_WORDS = Pattern.compile(
            "(?u)[\\p{Lu}][\\p{L}'’-]*(?:[ -](?:[\\p{Lu}][\\p{L}'’-]*|de|del|la|le|sur|am|an|im|upon|on|di|da)){0,6}(?: \\([\\p{L} ]+\\))?(?![\\p{L}\\d])");

    private final EntityLexicon lexicon;

    AddressRecognizer(EntityLexicon lexicon) {
        this.lexicon = lexicon;
    }

    void recognize(String text, List<Token> tokens, List<Finding> out) {
        boolean digit = false;
        for (int i = 0; i < text.length() && !digit; i++) {
            digit = Character.isDigit(text.charAt(i));
        }
        if (!digit) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (text.contains("PO A")) {
            simple(MILITARY, text, out, 0.9);
        }
        near(PO_BOX, text, lower, new String[] {"box"}, out, 0.85);
        near(UNIT, text, lower, new String[] {"apt", "apartment", "suite", "unit", "flat", "ste."}, out, 0.8);
        if (lower.contains("corner of")) {
            simple(CORNER, text, out, 0.85);
        }
        DigitRegions near = DigitRegions.of(text);
        near.forEachMatch(DOUBLE_NUMBER_STREET, text, a -> DigitRegions.digitRun(text, a) <= 6
                && DigitRegions.afterRun(text, a) == ' ', m -> street(text, m.start(), m.end(), 0.75, out));
        near.forEachMatch(STREET_SUFFIX, text, a -> DigitRegions.digitRun(text, a) <= 6
                && DigitRegions.afterRun(text, a) == ' ', m -> street(text, m.start(), m.end(), 0.85, out));
        DigitRegions.forEachMatchAt(STREET_PREFIX, text, prefixAnchors(tokens, near), m -> street(text, m.start(), m.end(), 0.85, out));
        numberLastStreets(text, tokens, out);
    }

    private static final Set<String> PARTICLES = Set.of("de", "del", "della", "da", "do", "dos", "das", "di", "du",
            "la", "le", "les", "van", "von", "der", "den", "ter", "u", "ul", "gate", "str", "y", "e", "i", "al", "el",
            "an", "am", "im");

    /**
     * European-style streets, "Allika 46" or "20789 Harjukuja 54": up to four street words on one line before a
     * house number, optionally after one or two leading numbers. Token-based, so it costs one pass.
     */
    private void numberLastStreets(String text, List<Token> tokens, List<Finding> out) {
        int consumedTo = -1;
        for (int k = 1; k < tokens.size(); k++) {
            Token num = tokens.get(k);
            if (!num.isNumber() || num.length() > 6 || num.start() < consumedTo) {
                continue;
            }
            int first = k;
            boolean morpheme = false;
            boolean capital = false;
            while (first - 1 >= 0 && k - first < 4) {
                Token w = tokens.get(first - 1);
                if (!w.isWord() || !sameLineGap(text, w.end(), tokens.get(first).start())) {
                    break;
                }
                boolean cap = w.capitalized();
                boolean morph = streetMorpheme(w.lower());
                boolean particle = PARTICLES.contains(w.lower());
                if (!cap && !morph && !particle) {
                    break;
                }
                morpheme |= morph;
                capital |= cap;
                first--;
            }
            while (first < k && PARTICLES.contains(tokens.get(first).lower()) && !tokens.get(first).capitalized()) {
                first++;
            }
            if (first == k) {
                continue;
            }
            int lead = first;
            while (lead - 1 >= 0 && first - lead < 2 && tokens.get(lead - 1).isNumber() && tokens.get(lead - 1).length() <= 6
                    && sameLineGap(text, tokens.get(lead - 1).end(), tokens.get(lead).start())) {
                lead--;
            }
            int start = tokens.get(lead).start();
            int end = num.end();
            if (end < text.length() && text.charAt(end) == '.' && (end + 1 >= text.length() || !Character.isDigit(text.charAt(end + 1)))) {
                end++;
            }
            String lastWord = tokens.get(k - 1).lower();
            boolean leadingNumber = lead < first;
            String before = text.substring(Math.max(0, start - 30), start);
            boolean cue = ADDRESS_CUE.matcher(before).find();
            boolean commonTail = lexicon.isCommonWord(lastWord) && !morpheme;
            double conf;
            if (morpheme && (capital || cue || leadingNumber)) {
                conf = 0.85;
            } else if (leadingNumber && capital && !commonTail) {
                conf = 0.8;
            } else if (cue && capital && !commonTail && followedByAddressPart(text, num.end())) {
                conf = 0.75;
            } else {
                continue;
            }
            street(text, start, end, conf, out);
            consumedTo = end;
        }
    }

    private static final Set<String> PREFIX_WORDS = Set.of("rue", "rua", "rúa", "via", "viale", "calle", "carrer",
            "avenida", "av", "strada", "piazza", "piazzale", "corso", "largo", "ul", "u", "plac", "ulica", "route",
            "chemin", "cite", "cité", "λεωφόρος", "οδός", "οδ", "λ", "πλατεία");

    /** Digit anchors plus the starts of street-prefix words ("Rue", "Via", "ul."). */
    private static int[] prefixAnchors(List<Token> tokens, DigitRegions near) {
        int[] digits = near.anchors();
        int[] out = java.util.Arrays.copyOf(digits, digits.length + tokens.size());
        int n = digits.length;
        for (Token t : tokens) {
            if (t.isWord() && PREFIX_WORDS.contains(t.lower())) {
                out[n++] = t.start();
            }
        }
        out = java.util.Arrays.copyOf(out, n);
        java.util.Arrays.sort(out);
        return out;
    }

    private static final String[] MORPHEMES = MORPHEME.substring(3, MORPHEME.length() - 1).split("\\|");

    /** "hersnapvej", "Kiannonkatu", "Bundesstrasse": a word ending in a street-type morpheme, or a street prefix. */
    private static boolean streetMorpheme(String lower) {
        for (String m : MORPHEMES) {
            if (lower.endsWith(m)) {
                return true;
            }
        }
        return PREFIX_WORDS.contains(lower);
    }

    private static boolean sameLineGap(String text, int from, int to) {
        if (to - from < 1 || to - from > 3) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean followedByAddressPart(String text, int end) {
        int n = Math.min(text.length(), end + 12);
        String after = text.substring(end, n);
        return after.startsWith(",") || after.startsWith("\n") || UNIT.matcher(after).lookingAt()
                || after.matches("(?s)\\s+(?:apt|suite|unit).*");
    }

    private void street(String text, int start, int end, double conf, List<Finding> out) {
        out.add(PatternPiiRecognizer.pii("street_address", start, end, conf));
        followBlock(text, end, out);
    }

    /** Walks the rest of the address block: unit, city, region, country, postal code. */
    private void followBlock(String text, int pos, List<Finding> out) {
        int n = text.length();
        for (int parts = 0; parts < 7 && pos < n; parts++) {
            Matcher sep = SEPARATOR.matcher(text).region(pos, n);
            if (!sep.lookingAt()) {
                return;
            }
            boolean newSegment = sep.group().indexOf(',') >= 0 || sep.group().indexOf('\n') >= 0;
            int at = sep.end();
            if (at >= n) {
                return;
            }
            Matcher u = UNIT.matcher(text).region(at, n);
            if (u.lookingAt()) {
                out.add(PatternPiiRecognizer.pii("street_address", at, u.end(), 0.8));
                pos = u.end();
                continue;
            }
            Matcher z = ZIP.matcher(text).region(at, n);
            if (z.lookingAt() && (newSegment || parts > 0)) {
                out.add(PatternPiiRecognizer.pii("zip_code", at, z.end(), 0.75));
                pos = z.end();
                continue;
            }
            Matcher p = PLACE_WORDS.matcher(text).region(at, n);
            if (p.lookingAt() && (newSegment || allCaps(p.group()))) {
                String phrase = p.group();
                String lower = phrase.replaceAll("\\s*\\(.*\\)", "").toLowerCase(Locale.ROOT);
                if (!lexicon.isCommonWord(lower) || lexicon.isPlace(lower)) {
                    out.add(PatternPiiRecognizer.pii("location", at, p.end(), 0.8));
                    pos = p.end();
                    continue;
                }
            }
            Matcher r = REGION.matcher(text).region(at, n);
            if (r.lookingAt() && (newSegment || parts > 0)) {
                out.add(PatternPiiRecognizer.pii("location", at, r.end(), 0.7));
                pos = r.end();
                continue;
            }
            return;
        }
    }

    private static boolean allCaps(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    /** Matches of {@code p} in small windows around each occurrence of its keywords. */
    private static void near(Pattern p, String text, String lower, String[] keywords, List<Finding> out, double conf) {
        Matcher m = p.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
        int coveredTo = 0;
        for (String k : keywords) {
            int at = lower.indexOf(k);
            while (at >= 0) {
                int from = Math.max(coveredTo, Math.max(0, at - 12));
                if (from <= at) {
                    m.region(from, Math.min(text.length(), at + k.length() + 16));
                    if (m.find()) {
                        out.add(PatternPiiRecognizer.pii("street_address", m.start(), m.end(), conf));
                        coveredTo = m.end();
                    }
                }
                at = lower.indexOf(k, at + 1);
            }
        }
    }

    private static void simple(Pattern p, String text, List<Finding> out, double conf) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(PatternPiiRecognizer.pii("street_address", m.start(), m.end(), conf));
        }
    }
}
