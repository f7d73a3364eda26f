package io.olyx.domain.guard;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The structured PII types: e-mail, URL, IP address, credit card (Luhn), IBAN (mod 97), US SSN, phone,
 * dates, ages, driver licence, passport and zip codes. Each pattern gives a base confidence that check
 * digits and nearby context words raise or lower, in the manner of Presidio's recognizers.
 */
final class PatternPiiRecognizer {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}+@[A-Za-z0-9][A-Za-z0-9-]*+(?:\\.[A-Za-z0-9-]++){0,10}+(?<=\\.[A-Za-z]{2,24})(?![\\w])");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b(?:https?://|www\\.)[^\\s<>\"'|)\\]}]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?i)(?<![\\w@./-])(?:[a-z0-9][a-z0-9-]*+\\.){1,10}+"
                    + "(?:com|net|org|io|co|uk|de|fr|es|it|nl|be|se|dk|no|fi|ch|at|pl|cz|pt|br|ca|au|cy|uy|ru|cn|jp|in|info|biz|me|ai|dev|app)"
                    + "(?:/[^\\s<>\"']*)?(?![\\w@-])");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(?![\\d.]\\d)");
    private static final Pattern IPV6 = Pattern.compile(
            "(?i)(?<![0-9a-f:])(?:[0-9a-f]{1,4}:){2,7}(?::|[0-9a-f]{1,4})(?::[0-9a-f]{1,4}){0,6}(?![0-9a-f:])");
    private static final Pattern CARD = Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){11,18}(?![\\d-])");
    private static final Pattern IBAN = Pattern.compile("(?i)(?<![a-z0-9])[a-z]{2}\\d{2}(?: ?[a-z0-9]){11,30}(?![a-z0-9])");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(\\d{3})([- ]?)(\\d{2})\\2(\\d{4})(?![\\d-])");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+/.-])(?:(?:\\+|00)\\d{1,3}[ .-]?)?(?:\\(\\d{1,4}\\)[ .-]?)?(?:\\(0\\)[ ]?)?\\d{1,5}(?:[ .-]\\d{1,5}){0,5}"
                    + "(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?(?![\\w/]|\\.\\d)");
    private static final Pattern DATE_NUMERIC = Pattern.compile(
            "(?<![\\d/.-])(?:(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4}|\\d{2})|(\\d{4})-(\\d{2})-(\\d{2})(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?)?)(?![\\d/-])");
    private static final Pattern DATE_WORDS = Pattern.compile(
            "(?i)\\b(?:(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?|january|february|march|april|may|june|july|august|september|october|november|december)"
                    + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"
                    + "|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?,?\\s+\\d{4}\\b");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\\b");
    private static final Pattern YEAR = Pattern.compile("(?<![\\d,.])((?:19|20)\\d\\d)(?![\\d,.]\\d|s\\b|\\s*%)");
    private static final Pattern YEAR_CUE = Pattern.compile(
            "(?i)\\b(?:in|since|during|of|from|until|till|by|circa|year|born|around|before|after|a|the|early|late)\\s+$");
    private static final Pattern AGE = Pattern.compile(
            "(?i)(?<!\\d)(\\d{1,3})(?:[- ](?:years?|yrs?)[- ]old\\b|\\s*(?:y/o|y\\.o\\.|yo)(?![\\w]))");
    private static final Pattern AGE_CUE = Pattern.compile(
            "(?i)\\b(?:aged?|age of|turned|turning|turn|i'm|i am|he's|she's|he is|she is|he was|she was|i was)\\s+$");
    private static final Pattern AGE_NOT = Pattern.compile(
            "(?i)[\\d,.]\\d|\\s*(?:%|percent|dollars|cm|kg|km|miles|minutes|hours|days|weeks|months|times|am\\b|pm\\b|o'clock|:)");
    private static final Pattern SMALL_NUMBER = Pattern.compile("(?<!\\d)\\d{1,3}(?!\\d)");
    private static final Pattern DRIVER_LICENSE = Pattern.compile(
            "(?i)\\b(?:driver'?s?|driving)\\s+licen[cs]e(?:\\s+(?:number|no\\.?|#|id))?(?:\\s*(?:is|:|=))?\\s*([A-Z0-9][A-Z0-9-]{4,19})\\b");
    private static final Pattern PASSPORT = Pattern.compile(
            "(?i)\\bpassport(?:\\s+(?:number|no\\.?|#))?(?:\\s*(?:is|:|=))?\\s*([A-Z0-9]{6,12})\\b");
    private static final Pattern ZIP = Pattern.compile(
            "(?i)\\b(?:zip(?:\\s*code)?|postal\\s*code|post\\s*code|postcode)(?:\\s*(?:is|:|=))?\\s*(\\d{3,5}(?:-\\d{4})?|[a-z]\\d[a-z] ?\\d[a-z]\\d|\\d{3} \\d{2})\\b");

    private static final Pattern PHONE_CONTEXT = Pattern.compile(
            "(?i)(?:phone|call|calling|mobile|cell|tel|fax|desk|office|message|messages|text|sms|whatsapp|contact|reach|dial|number|home|work|answering|ring|registered)(?:\\s+(?:me|us|him|her|them|at|on|to|is|was|via|back)){0,4}\\W*$");
    private static final Pattern PHONE_LABEL_AFTER = Pattern.compile(
            "(?i)^\\s*-?\\s*\\(?(?:office|fax|mobile|cell|home|work|desk|phone|tel)\\b");
    private static final Pattern CARD_CONTEXT = Pattern.compile(
            "(?i)(?:card|credit|debit|visa|mastercard|amex|cc|payment|charge)");
    private static final Pattern SSN_CONTEXT = Pattern.compile("(?i)(?:ssn|social security|social-security|\\bss#)");

    void recognize(String text, List<Finding> out) {
        boolean hasDigit = false;
        boolean hasAt = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                hasDigit = true;
            } else if (c == '@') {
                hasAt = true;
            }
        }
        if (hasAt) {
            emails(text, out);
        }
        urls(text, out);
        if (text.contains("day")) {
            weekdays(text, out);
        }
        if (!hasDigit) {
            return;
        }
        DigitRegions near = DigitRegions.of(text);
        ips(text, near, out);
        cards(text, near, out);
        ibans(text, near, out);
        ssns(text, near, out);
        phones(text, near, out);
        dates(text, near, out);
        ages(text, near, out);
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("licen")) {
            contextual(DRIVER_LICENSE, "driver_license", text, out, true);
        }
        if (lower.contains("passport")) {
            contextual(PASSPORT, "passport", text, out, true);
        }
        if (lower.contains("zip") || lower.contains("post")) {
            contextual(ZIP, "zip_code", text, out, false);
        }
    }

    private static void emails(String text, List<Finding> out) {
        DigitRegions.forEachMatchAt(EMAIL, text, backTo(text, occurrences(text, "@"), c -> localPartChar((char) c)),
                m -> out.add(pii("email", m.start(), m.end(), 0.95)));
    }

    private static boolean localPartChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "._%+-".indexOf(c) >= 0);
    }

    private static boolean hostChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    /** Start offsets of every occurrence of {@code needle}. */
    static int[] occurrences(String text, String needle) {
        int[] out = new int[4];
        int n = 0;
        int at = text.indexOf(needle);
        while (at >= 0) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = at;
            at = text.indexOf(needle, at + 1);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Moves each position back to the start of the run of characters accepted by {@code part}. */
    static int[] backTo(String text, int[] positions, java.util.function.IntPredicate part) {
        int[] out = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            int p = positions[k];
            while (p > 0 && part.test(text.charAt(p - 1)) && positions[k] - p < 80) {
                p--;
            }
            out[k] = p;
        }
        java.util.Arrays.sort(out);
        return out;
    }

    private static void urls(String text, List<Finding> out) {
        if (text.indexOf('.') < 0) {
            return;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        int[] schemes = merge(occurrences(lower, "http"), occurrences(lower, "www."));
        DigitRegions.forEachMatchAt(URL, text, schemes,
                m -> out.add(pii("url", m.start(), trimTrailing(text, m.start(), m.end()), 0.85)));
        if (!hasTld(text)) {
            return;
        }
        int[] tlds = new int[0];
        for (String tld : TLDS) {
            tlds = merge(tlds, occurrences(lower, tld));
        }
        DigitRegions.forEachMatchAt(DOMAIN, text, backTo(text, tlds, c -> hostChar((char) c)),
                m -> out.add(pii("domain_name", m.start(), trimTrailing(text, m.start(), m.end()), 0.75)));
    }

    private static final String[] TLDS = {".com", ".net", ".org", ".io", ".co", ".uk", ".de", ".fr", ".es", ".it",
        ".nl", ".be", ".se", ".dk", ".no", ".fi", ".ch", ".at", ".pl", ".cz", ".pt", ".br", ".ca", ".au", ".cy", ".uy",
        ".ru", ".cn", ".jp", ".in", ".info", ".biz", ".me", ".ai", ".dev", ".app"};

    private static boolean hasTld(String text) {
        for (String tld : TLDS) {
            int at = text.indexOf(tld);
            while (at >= 0) {
                int after = at + tld.length();
                if (after >= text.length() || !Character.isLetterOrDigit(text.charAt(after))) {
                    return true;
                }
                at = text.indexOf(tld, at + 1);
            }
        }
        return false;
    }

    private static int[] merge(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        java.util.Arrays.sort(out);
        return out;
    }

    private static int trimTrailing(String text, int start, int end) {
        while (end > start && ".,;:!?'\"".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static void weekdays(String text, List<Finding> out) {
        DigitRegions.forEachMatchAt(WEEKDAY, text, backTo(text, occurrences(text, "day"), Character::isLetter),
                m -> out.add(pii("date_time", m.start(), m.end(), 0.7)));
    }

    private static void ips(String text, DigitRegions near, List<Finding> out) {
        near.forEachMatch(IPV4, text, a -> DigitRegions.digitRun(text, a) <= 3 && DigitRegions.afterRun(text, a) == '.', m -> {
            out.add(pii("ip_address", m.start(), m.end(), 0.9));
        });
        int[] v6 = ipv6Anchors(text);
        if (v6.length > 0) {
            DigitRegions.forEachMatchAt(IPV6, text, v6, m -> {
                if (validIpv6(m.group())) {
                    out.add(pii("ip_address", m.start(), m.end(), 0.85));
                }
            });
        }
    }

    /** Starts of hex runs that continue with ':' and another hex digit or ':' (where an IPv6 address can begin). */
    private static int[] ipv6Anchors(String text) {
        int[] out = new int[0];
        int at = text.indexOf(':');
        while (at > 0 && at + 1 < text.length()) {
            char next = text.charAt(at + 1);
            if (hex(text.charAt(at - 1)) && (hex(next) || next == ':')) {
                int s = at - 1;
                while (s > 0 && (hex(text.charAt(s - 1)) || text.charAt(s - 1) == ':')) {
                    s--;
                }
                if (out.length == 0 || out[out.length - 1] != s) {
                    out = java.util.Arrays.copyOf(out, out.length + 1);
                    out[out.length - 1] = s;
                }
            }
            at = text.indexOf(':', at + 1);
        }
        return out;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean validIpv6(String v) {
        int dbl = v.indexOf("::");
        if (dbl >= 0 && v.indexOf("::", dbl + 1) >= 0) {
            return false;
        }
        String[] groups = v.split(":", -1);
        int nonEmpty = 0;
        boolean letter = false;
        for (String g : groups) {
            if (!g.isEmpty()) {
                nonEmpty++;
                for (int i = 0; i < g.length(); i++) {
                    if (Character.isLetter(g.charAt(i))) {
                        letter = true;
                    }
                }
            }
        }
        // "12:30:45" is a time, not an address: require a full address or a compressed one with hex letters
        return dbl < 0 ? groups.length == 8 : (nonEmpty >= 2 && (letter || nonEmpty >= 4));
    }

    private static void cards(String text, DigitRegions near, List<Finding> out) {
        near.forEachMatch(CARD, text, a -> DigitRegions.digitsAhead(text, a, 24) >= 12, m -> {
            String v = m.group();
            String digits = digitsOf(v);
            boolean context = CARD_CONTEXT.matcher(window(text, m.start(), 50)).find();
            if (digits.length() < (context ? 12 : 13) || digits.length() > 19 || !Checksums.luhn(digits)) {
                return;
            }
            char first = digits.charAt(0);
            if (first < '1' || first > '6' || allSame(digits)) {
                return;
            }
            double conf = 0.9;
            if (CARD_CONTEXT.matcher(window(text, m.start(), 50)).find()) {
                conf = 0.97;
            }
            out.add(pii("credit_card", m.start(), m.end(), conf));
        });
    }

    private static void ibans(String text, DigitRegions near, List<Finding> out) {
        near.forEachMatch(IBAN, text, a -> Character.isLetter(text.charAt(a)), m -> {
            int end = m.end();
            // the greedy tail may swallow a following word; back off to the longest valid IBAN
            for (int e = end; e >= m.start() + 15; e--) {
                if (text.charAt(e - 1) == ' ') {
                    continue;
                }
                if (Checksums.ibanMod97(text.substring(m.start(), e))) {
                    out.add(pii("iban", m.start(), e, 0.95));
                    break;
                }
            }
        });
    }

    private static void ssns(String text, DigitRegions near, List<Finding> out) {
        near.forEachMatch(SSN, text, a -> DigitRegions.digitRun(text, a) == 3 || DigitRegions.digitRun(text, a) == 9, m -> {
            String digits = m.group(1) + m.group(3) + m.group(4);
            if (!Checksums.plausibleSsn(digits)) {
                return;
            }
            boolean context = SSN_CONTEXT.matcher(window(text, m.start(), 60)).find();
            boolean separated = !m.group(2).isEmpty();
            if (!separated && !context) {
                return;
            }
            out.add(pii("us_ssn", m.start(), m.end(), context ? 0.95 : 0.75));
        });
    }

    private static void phones(String text, DigitRegions near, List<Finding> out) {
        near.forEachMatch(PHONE, text, a -> DigitRegions.digitsAhead(text, a, 22) >= 6, m -> {
            String v = m.group();
            String digits = digitsOf(v);
            int nd = digits.length();
            if (nd < 6 || nd > 15 || allSame(digits)) {
                return;
            }
            int groups = countGroups(v);
            if (repeatedGroups(v)) {
                return;
            }
            double conf;
            boolean intl = v.startsWith("+") || v.startsWith("00");
            boolean parens = v.indexOf('(') >= 0;
            if (intl && nd >= 8) {
                conf = 0.8;
            } else if (parens && nd >= 7) {
                conf = 0.75;
            } else if (v.matches("\\d{3}[-.]\\d{3}[-.]\\d{4}(?:\\s?(?:x|ext\\.?)\\s?\\d{1,5})?")) {
                conf = 0.75;
            } else if (groups >= 3 && nd >= 8) {
                conf = 0.55;
            } else if (groups >= 2 && nd >= 7) {
                conf = 0.4;
            } else if (groups == 1 && nd == 10) {
                conf = 0.4;
            } else {
                conf = 0.0;
            }
            if (conf == 0.0) {
                return;
            }
            String before = text.substring(Math.max(0, m.start() - 40), m.start());
            String after = text.substring(m.end(), Math.min(text.length(), m.end() + 12));
            if (PHONE_CONTEXT.matcher(before.stripTrailing()).find() || lineLabel(before)
                    || PHONE_LABEL_AFTER.matcher(after).find()) {
                conf = Math.min(0.95, conf + 0.35);
            }
            out.add(pii("phone", m.start(), m.end(), conf));
        });
    }

    /** "Phone:\n0490..." or "Mobile: ..." : the previous label names the field. */
    private static boolean lineLabel(String before) {
        String b = before.stripTrailing().toLowerCase(Locale.ROOT);
        return b.endsWith("phone:") || b.endsWith("mobile:") || b.endsWith("tel:") || b.endsWith("fax:")
                || b.endsWith("desk:") || b.endsWith("cell:") || b.endsWith("tel.:");
    }

    private static void dates(String text, DigitRegions near, List<Finding> out) {
        near.forEachMatch(DATE_NUMERIC, text, a -> "/.-".indexOf(DigitRegions.afterRun(text, a)) >= 0, m -> {
            if (m.group(1) != null) {
                int a = Integer.parseInt(m.group(1));
                int b = Integer.parseInt(m.group(2));
                boolean ok = a >= 1 && b >= 1 && ((a <= 12 && b <= 31) || (a <= 31 && b <= 12));
                if (!ok || (m.group(3).length() == 2 && text.charAt(m.start() + m.group(1).length()) == '.')) {
                    return;
                }
            } else {
                int mo = Integer.parseInt(m.group(5));
                int d = Integer.parseInt(m.group(6));
                if (mo < 1 || mo > 12 || d < 1 || d > 31) {
                    return;
                }
            }
            out.add(pii("date_time", m.start(), m.end(), 0.85));
        });
        if (hasMonthName(text)) {
            near.forEachMatch(DATE_WORDS, text, a -> DigitRegions.digitRun(text, a) <= 2,
                    m -> out.add(pii("date_time", m.start(), m.end(), 0.85)));
            int[] months = new int[0];
            String lower = text.toLowerCase(Locale.ROOT);
            for (String mo : MONTHS) {
                months = merge(months, occurrences(lower, mo));
            }
            DigitRegions.forEachMatchAt(DATE_WORDS, text, months,
                    m -> out.add(pii("date_time", m.start(), m.end(), 0.85)));
        }
        near.forEachMatch(YEAR, text, a -> DigitRegions.digitRun(text, a) == 4, m -> {
            if (YEAR_CUE.matcher(text).region(Math.max(0, m.start() - 12), m.start()).find()) {
                out.add(pii("date_time", m.start(1), m.end(1), 0.7));
            }
        });
    }

    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private static boolean hasMonthName(String text) {
        String l = text.toLowerCase(Locale.ROOT);
        for (String mo : MONTHS) {
            if (l.contains(mo)) {
                return true;
            }
        }
        return false;
    }

    private static void ages(String text, DigitRegions near, List<Finding> out) {
        near.forEachMatch(AGE, text, a -> DigitRegions.digitRun(text, a) <= 3, m -> {
            int age = Integer.parseInt(m.group(1));
            if (age >= 1 && age <= 120) {
                out.add(pii("age", m.start(1), m.end(1), 0.85));
            }
        });
        // "turned 53", "I'm 58": the cue comes before the number
        near.forEachMatch(SMALL_NUMBER, text, a -> DigitRegions.digitRun(text, a) <= 3, m -> {
            int age = Integer.parseInt(m.group());
            if (age < 1 || age > 120
                    || !AGE_CUE.matcher(text).region(Math.max(0, m.start() - 14), m.start()).find()
                    || AGE_NOT.matcher(text).region(m.end(), Math.min(text.length(), m.end() + 12)).lookingAt()) {
                return;
            }
            out.add(pii("age", m.start(), m.end(), 0.75));
        });
    }

    private static void contextual(Pattern p, String type, String text, List<Finding> out, boolean needDigits) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            String v = m.group(1);
            if (needDigits && digitsOf(v).length() < 4) {
                continue;
            }
            out.add(pii(type, m.start(1), m.end(1), 0.85));
        }
    }

    private static String window(String text, int at, int radius) {
        return text.substring(Math.max(0, at - radius), Math.min(text.length(), at + radius));
    }

    static String digitsOf(CharSequence v) {
        StringBuilder b = new StringBuilder(v.length());
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean allSame(String digits) {
        for (int i = 1; i < digits.length(); i++) {
            if (digits.charAt(i) != digits.charAt(0)) {
                return false;
            }
        }
        return true;
    }

    private static int countGroups(String v) {
        int groups = 0;
        boolean in = false;
        for (int i = 0; i < v.length(); i++) {
            boolean d = Character.isDigit(v.charAt(i));
            if (d && !in) {
                groups++;
            }
            in = d;
        }
        return groups;
    }

    /** "12345 12345 12345" is a repeated-token pattern, not a number anyone dials. */
    private static boolean repeatedGroups(String v) {
        String[] parts = v.split("[ .-]+");
        if (parts.length < 3) {
            return false;
        }
        for (String p : parts) {
            if (!p.equals(parts[0])) {
                return false;
            }
        }
        return true;
    }

    static Finding pii(String type, int start, int end, double conf) {
        return new Finding(FindingCategory.PII, type, start, end, conf);
    }
}
