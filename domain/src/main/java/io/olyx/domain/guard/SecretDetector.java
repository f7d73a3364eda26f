package io.olyx.domain.guard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Leaked credentials, gitleaks-style: vendor token formats (fixed prefixes, lengths and check shapes),
 * private-key blocks, JWTs, credentials in URLs, Authorization headers and curl flags, then generic
 * {@code key/secret/token/password = value} assignments and free-standing high-entropy strings, both gated by
 * Shannon entropy and a filter for template values ("xxxx", "${VAR}", "<your-key>"). Every rule has a cheap keyword prefilter so texts without any
 * candidate cost one lowercase copy and a few {@code contains} calls.
 */
final class SecretDetector {

    private record Rule(String type, Pattern pattern, double confidence, String... keywords) {
    }

    private static final List<Rule> RULES = List.of(
            rule("private_key", "-----BEGIN[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----\\s*[A-Za-z0-9+/=\\s:,.-]{64,}?-----END[ A-Z0-9_-]{0,100}PRIVATE KEY(?: BLOCK)?-----", 0.99, "private key"),
            rule("aws_access_key", "\\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}\\b", 0.95, "akia", "asia", "abia", "acca", "a3t"),
            rule("anthropic_api_key", "\\bsk-ant-(?:api|admin|sid)\\d{2}-[\\w-]{20,}", 0.99, "sk-ant-"),
            // legacy keys: sk- and 48 base62 characters, with or without the T3BlbkFJ marker; the upper-case letter
            // the bare form needs leaves all-lower-case sk- tokens to the vendor rule in api_token
            rule("openai_api_key", "\\bsk-(?:proj|svcacct|admin|None)-[\\w-]{20,}|\\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\\b"
                    + "|\\bsk-(?=[a-z0-9]{0,47}[A-Z])[A-Za-z0-9]{48}(?![\\w-])", 0.99, "sk-"),
            rule("github_token", "\\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\\b|\\bgithub_pat_[A-Za-z0-9_]{50,}", 0.98, "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
            rule("gitlab_token", "\\bgl(?:pat|ptt|dt|rt|cbt|ffct|ft|imt|agent|oas|soat)-[\\w.-]{20,}|\\bGR1348941[\\w-]{20,}|_gitlab_session=[0-9a-z]{32}", 0.97, "glpat-", "glptt-", "gldt-", "glrt-", "glcbt-", "glffct-", "glft-", "glimt-", "glagent-", "gloas-", "glsoat-", "gr1348941", "_gitlab_session"),
            rule("slack_token", "\\bxox[abposre]-(?=[A-Za-z-]*\\d)[A-Za-z0-9-]{20,}|\\bxapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]+|\\bxoxe\\.xox[bp]-\\d-[A-Za-z0-9]{100,}", 0.97, "xox", "xapp-"),
            rule("slack_webhook", "(?:https?://)?hooks\\.slack\\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{40,}", 0.97, "hooks.slack.com"),
            rule("stripe_key", "\\b(?:sk|rk)_(?:test|live|prod)_[A-Za-z0-9]{10,99}\\b", 0.97, "sk_", "rk_"),
            rule("google_api_key", "\\bAIza[\\w-]{35}(?![\\w-])", 0.95, "aiza"),
            rule("jwt", "\\bey[A-Za-z0-9]{16,}\\.ey[A-Za-z0-9/\\\\_-]{16,}\\.(?:[A-Za-z0-9/\\\\_-]{10,}={0,2})?", 0.9, "eyj"),
            rule("jwt_base64", "\\bZXlK[A-Za-z0-9+/]{40,}={0,2}", 0.9, "zxlk"),
            rule("mapbox_token", "(?i)\\b(?:pk|sk|tk)\\.[a-z0-9]{60}\\.[a-z0-9]{22}\\b", 0.95, "pk.", "sk.", "tk."),
            rule("sendgrid_api_key", "\\bSG\\.[\\w=.-]{66}", 0.95, "sg."),
            rule("telegram_bot_token", "(?<![\\w:])\\d{5,16}:A[\\w-]{34}(?![\\w-])", 0.9, ":a"),
            rule("api_token", "(?<![\\w./-])(?:npm_[A-Za-z0-9]{36}|pypi-AgEIcHlwaS5vcmc[\\w-]{50,}|hf_[A-Za-z]{34}|api_org_[A-Za-z]{34}"
                    + "|do[opr]_v1_[a-f0-9]{64}|shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}|SG\\.[\\w=-]{20,24}\\.[\\w=-]{39,50}"
                    + "|xkeysib-[a-f0-9]{64}-[a-z0-9]{16}|NRAK-[a-z0-9]{27}|NRII-[\\w-]{32}|NRJS-[a-f0-9]{19}"
                    + "|PMAK-[a-f0-9]{24}-[a-f0-9]{34}|pscale_(?:tkn|oauth|pw)_[\\w=.-]{32,64}|pul-[a-f0-9]{40}"
                    + "|rdme_[a-z0-9]{70}|rubygems_[a-f0-9]{48}|sntryu_[a-f0-9]{64}"
                    + "|glc_[A-Za-z0-9+/]{32,400}={0,2}|glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|lin_api_[a-z0-9]{40}"
                    + "|dp\\.pt\\.[a-z0-9]{43}|CLOJARS_[a-z0-9]{60}"
                    + "|FLW(?:SECK|PUBK)_TEST-[a-h0-9]{12,32}(?:-X)?|hv[sb]\\.[\\w-]{90,}|dt0c01\\.[a-z0-9]{24}\\.[a-z0-9]{64}"
                    + "|tfp_[a-z0-9_=.-]{59}|sm_(?:aat|pat|sat)_[a-z0-9]{16}|pplx-[a-zA-Z0-9]{48}|ntn_\\d{11}[A-Za-z0-9]{35}"
                    + "|EZ[AT]K[a-zA-Z0-9]{54}|sgp_(?:[a-fA-F0-9]{16}|local)_[a-fA-F0-9]{40}|sgp_[a-fA-F0-9]{40}"
                    + "|sq0(?:atp|csp)-[\\w-]{22,60}|(?:key|pubkey)-[a-f0-9]{32}|shippo_(?:live|test)_[a-fA-F0-9]{40}"
                    + "|duffel_(?:test|live)_[\\w=-]{43}|ops_eyJ[a-zA-Z0-9+/]{250,}={0,3}|ABSK[A-Za-z0-9+/]{109,269}={0,2}"
                    + "|HRKU-AA[\\w-]{58}|API-[A-Z0-9]{26}|A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5}"
                    + "|LTAI[a-z0-9]{20}|p8e-[a-z0-9]{32}|dnkey-[\\w=-]{26}-[\\w=-]{52}|fio-u-[\\w=-]{64}|dapi[a-f0-9]{32}(?:-\\d)?"
                    + "|pat\\.[\\w]{22}\\.[\\w]{24}\\.[\\w]{20}|sc_[a-z0-9]{10}\\.[a-z0-9]{4}\\.acc_[a-z0-9-]{10,32}\\.[a-z0-9+/_=-]{30,120}"
                    + "|access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
                    + "|s-s4t2(?:ud|af)-[a-f0-9]{64}|cmVmdGtu[\\w]{56}|AKCp[A-Za-z0-9]{69}|fo1_[\\w-]{43}|eyJrIjoi[A-Za-z0-9]{70,400}={0,3}"
                    + "|v1\\.0-[a-f0-9]{24}-[a-f0-9]{146}|sha256~[\\w-]{43}|pnu_[a-z0-9]{36}|tk-us-[\\w-]{48}|ico-[a-zA-Z0-9]{32}"
                    + "|EAA[MC][a-zA-Z0-9]{100,}|oy2[a-z0-9]{43}|sk-[a-z0-9]{48}|SK[0-9a-fA-F]{32}|AAAAAAAAAAAAAAAAAAAAA[\\w%]{60,}"
                    + "|t1\\.[A-Z0-9a-z_-]+={0,2}\\.[A-Z0-9a-z_-]{86}={0,2}|YC[a-zA-Z0-9_-]{38}|AQVN[A-Za-z0-9_-]{35,38})(?![\\w-])", 0.95),
            rule("sentry_org_token", "\\bsntrys_(eyJ[A-Za-z0-9+/]{20,400}={0,2})_([A-Za-z0-9+/]{43})(?![\\w+/=-])", 0.95, "sntrys_"),
            // bech32: the restricted alphabet is the check, gitleaks sets no entropy floor for it
            rule("age_secret_key", "\\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![\\w-])", 0.95, "age-secret-key-1"),
            rule("facebook_access_token", "\\b\\d{15,16}(?:\\||%7C)[0-9A-Za-z_-]{27,40}\\b", 0.9, "|", "%7c"),
            rule("azure_client_secret", "(?<![\\w~.-])[A-Za-z0-9_~.]{3}\\dQ~[A-Za-z0-9_~.-]{31,34}(?![\\w~.-])", 0.9, "q~"),
            rule("api_key_header", "(?i)-H\\s*['\"](?:token|x-api-key|api-key|apikey|x-auth-token|private-token|x-access-token)\\s*:\\s*([\\w.~+/=-]{8,})", 0.85, "-h '", "-h \"", "-h'", "-h\""),
            rule("webhook_url", "https://[a-z0-9]+\\.webhook\\.office\\.com/webhookb2/[a-z0-9-]+@[a-z0-9-]+/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36}|https://[\\w.-]*webhook\\.office\\.com/webhookb2/\\S{20,}", 0.95, "webhook"),
            rule("connection_string", "(?i)\\b(?:mongodb(?:\\+srv)?|postgres(?:ql)?|mysql|mariadb|redis|rediss|amqps?|mssql|sqlserver|jdbc:[a-z]+|s?ftp|smtps?|https?|ldaps?)://[^:/\\s@'\"]{1,64}:([^@\\s/'\"]{3,128})@[\\w.-]+", 0.9, "://"),
            rule("sidekiq_secret", "(?<![\\w:])[a-f0-9]{8}:[a-f0-9]{8}(?![\\w:])", 0.9, "contribsys"),
            rule("curl_credentials", "(?i)\\bcurl\\b[^\\n]*?(?:\\s-u|--user)\\s+['\"]?([^\\s:'\"$]{0,64}):['\"]?([^\\s'\"$]{3,64})", 0.85, "curl"),
            rule("auth_header", "(?i)authorization['\"]?\\s*[:=]\\s*['\"]?(?:bearer|basic|token|apikey|api-key|sso-key)?\\s*([A-Za-z0-9._~+/=:-]{8,})", 0.85, "authorization"));

    private static final Pattern GENERIC = Pattern.compile(
            "([\\w.-]{1,80}+)[\"'`]?(?:[ \\t]+[\\w.]{1,20})?[ \\t]*(=|>|:{1,3}=|\\|\\||:|=>|\\?=|,|\\.=)[ \\t]*[\"'`]?[\\s\"'`]{0,5}"
                    + "([\\w.=+/~@#$%^&*!-]{6,200})");
    private static final Pattern SNAKE_IDENTIFIER = Pattern.compile("[A-Za-z]+(?:_[A-Za-z0-9]+){1,30}");
    private static final Set<String> PLACEHOLDER_WORDS = Set.of("pass", "password", "passwd", "test", "secret",
            "changeme", "admin", "user", "username", "token", "none", "null", "true", "false", "undefined", "dummy");
    private static final String[] GENERIC_KEYWORDS = {"key", "secret", "token", "pass", "pwd", "auth", "cred", "client",
            "login", "accessid"};
    private static final Set<String> SECRET_TAILS = Set.of("key", "keys", "secret", "secrets", "token", "tokens",
            "password", "passwd", "pwd", "pass", "passphrase", "credential", "credentials", "creds", "auth", "client",
            "accessid", "accesskey", "apikey", "secretkey", "privatekey", "login", "pw");
    private static final Set<String> NOT_SECRET_QUALIFIERS = Set.of("primary", "foreign", "public", "sequence",
            "bucket", "sort", "partition", "unique", "composite", "cache", "lookup", "map", "hot", "short", "csrf",
            "xsrf", "authenticity", "next", "page", "continuation", "idempotency", "row", "ssh-rsa", "pub", "publishable");
    /** Names that declare their value a fixture: "fakeToken", "DUMMY_PASSWORD", "invalidApiKey", "nonMatchingSecret". */
    private static final Set<String> FAKE_QUALIFIERS = Set.of("fake", "dummy", "mock", "mocked", "sample", "example",
            "invalid", "bogus", "non", "wrong", "bad");
    private static final Pattern HIGH_ENTROPY = Pattern.compile("(?<![\\w+/=.-])[A-Za-z0-9+/_=.-]{24,}(?![\\w+/=.-])");
    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern DOTTED_IDENTIFIER = Pattern.compile("[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*){1,30}(?:\\(\\))?");

    private static Rule rule(String type, String regex, double confidence, String... keywords) {
        return new Rule(type, Pattern.compile(regex), confidence, keywords);
    }

    List<Finding> detect(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<Finding> found = new ArrayList<>();
        boolean longToken = hasLongToken(text, 20);
        int[] tokenStarts = longToken ? tokenStarts(text, 16) : new int[0];
        for (Rule r : RULES) {
            if (r.keywords().length == 0 ? !longToken : !anyKeyword(lower, r.keywords())) {
                continue;
            }
            Matcher m = r.pattern().matcher(text);
            if (r.keywords().length == 0) {
                // keyword-less vendor formats: only where a long token can start
                for (int a : tokenStarts) {
                    m.region(a, text.length());
                    if (m.lookingAt() && !isTemplateValue(m.group()) && randomEnough(m.group()) && accept(r.type(), m)) {
                        found.add(secret(r.type(), m.start(), m.end(), r.confidence()));
                    }
                }
                continue;
            }
            while (m.find()) {
                int g = m.groupCount() >= 1 && m.group(m.groupCount()) != null ? m.groupCount() : 0;
                if (g > 0 && isTemplateValue(m.group(g))) {
                    continue;
                }
                if (g == 0 && isTemplateValue(m.group())) {
                    continue;
                }
                if (!accept(r.type(), m)) {
                    continue;
                }
                found.add(secret(r.type(), m.start(), m.end(), r.confidence()));
            }
        }
        if (anyKeyword(lower, GENERIC_KEYWORDS)) {
            generic(text, lower, found);
        }
        if (longToken) {
            highEntropy(text, found);
        }
        return resolve(found);
    }

    /** Positions where a run of at least {@code min} token characters starts after a non-word character. */
    private static int[] tokenStarts(String text, int min) {
        int[] out = new int[8];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c) || c >= 128) {
                continue;
            }
            if (i > 0) {
                char p = text.charAt(i - 1);
                if (Character.isLetterOrDigit(p) || p == '_' || p == '.' || p == '/' || p == '-') {
                    continue;
                }
            }
            int j = i;
            while (j < text.length() && j - i < min && entropyChar(text.charAt(j))) {
                j++;
            }
            if (j - i >= min) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** Every token format and the entropy rule need a run of at least {@code min} token characters. */
    private static boolean hasLongToken(String text, int min) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+' || c == '/'
                    || c == '=')) {
                if (++run >= min) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    /** Rule-specific checks a regular expression cannot express. */
    private static boolean accept(String type, Matcher m) {
        return switch (type) {
            case "curl_credentials" -> {
                String user = m.group(1);
                String pass = m.group(2);
                yield !pass.equals(user) && !PLACEHOLDER_WORDS.contains(pass.toLowerCase(Locale.ROOT))
                        && !pass.startsWith("[") && !pass.startsWith("<");
            }
            case "jwt_base64" -> decodesToJwt(m.group());
            case "sentry_org_token" -> sentryPayload(m.group(1));
            // a bare sk- key has no marker to tell it from a hand-typed run such as sk-AAAA1111..., so it must look random
            case "openai_api_key" -> randomEnough(m.group());
            default -> true;
        };
    }

    /**
     * Vendor formats with fixed prefixes still need a random body: a run like {@code sgp_5555aaaa...} has the
     * right shape but is a hand-typed test value. gitleaks attaches an entropy floor (typically 3) to most rules.
     */
    static boolean randomEnough(String token) {
        return Checksums.shannonEntropy(token) >= MIN_TOKEN_ENTROPY;
    }

    private static final double MIN_TOKEN_ENTROPY = 3.0;

    /** An org auth token's middle part is base64 JSON naming when it was issued and the region it belongs to. */
    static boolean sentryPayload(String b64) {
        String json = decodeBase64(b64);
        return json.startsWith("{") && json.contains("\"iat\"") && json.contains("\"region_url\"");
    }

    private static String decodeBase64(String b64) {
        String body = b64.replace("=", "");
        int usable = body.length() / 4 * 4;
        try {
            return new String(java.util.Base64.getDecoder().decode(body.substring(0, usable)),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean decodesToJwt(String b64) {
        int usable = b64.replace("=", "").length() / 4 * 4;
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(b64.substring(0, Math.min(usable, 400))),
                    java.nio.charset.StandardCharsets.ISO_8859_1);
            return decoded.startsWith("eyJ") && decoded.indexOf('.') > 10;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean anyKeyword(String lower, String[] keywords) {
        if (keywords.length == 0) {
            return true;
        }
        for (String k : keywords) {
            if (lower.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Generic assignments, anchored on credential words: for each occurrence of "key", "token", "pass"... the
     * identifier around it is tried as the left side of an assignment, so the regex never scans prose.
     */
    private static void generic(String text, String lower, List<Finding> found) {
        Matcher m = GENERIC.matcher(text);
        int coveredTo = -1;
        for (String kw : GENERIC_KEYWORDS) {
            int at = lower.indexOf(kw);
            while (at >= 0) {
                int idStart = at;
                while (idStart > 0 && identifierChar(text.charAt(idStart - 1)) && at - idStart < 80) {
                    idStart--;
                }
                if (idStart >= coveredTo) {
                    m.region(idStart, Math.min(text.length(), idStart + 400));
                    if (m.lookingAt() && m.end(1) > at) {
                        Finding f = genericMatch(text, m);
                        if (f != null) {
                            found.add(f);
                            coveredTo = m.end();
                        }
                    }
                }
                at = lower.indexOf(kw, at + kw.length());
            }
        }
    }

    private static boolean identifierChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-');
    }

    private static Finding genericMatch(String text, Matcher m) {
        String key = m.group(1);
        String value = trimValue(m.group(3));
        if (!secretKeyName(key) || value.length() < 6 || m.group(3).contains("..")) {
            return null;
        }
        // "<apiKey>value</apiKey>" is XML; a bare ">" elsewhere is an arrow or a comparison
        if (m.group(2).equals(">") && (m.start(1) == 0 || text.charAt(m.start(1) - 1) != '<')) {
            return null;
        }
        int valueStart = m.start(3);
        if (fragmentOfCompound(text, valueStart, valueStart + value.length())) {
            return null;
        }
        double conf = valueConfidence(key, value);
        return conf > 0 ? secret("generic_secret", valueStart, valueStart + value.length(), conf) : null;
    }

    /**
     * True when {@code [start, end)} is only one side of a colon-joined token such as {@code 1234:AbCd...}:
     * the whole token is the candidate (and the vendor rule that knows its shape judges it), a piece of it is not.
     */
    static boolean fragmentOfCompound(String text, int start, int end) {
        boolean before = start >= 2 && text.charAt(start - 1) == ':' && Character.isLetterOrDigit(text.charAt(start - 2));
        boolean after = end + 1 < text.length() && text.charAt(end) == ':' && Character.isLetterOrDigit(text.charAt(end + 1));
        return before || after;
    }

    private static String trimValue(String v) {
        int end = v.length();
        while (end > 0 && ".,;:".indexOf(v.charAt(end - 1)) >= 0) {
            end--;
        }
        return v.substring(0, end);
    }

    /** The key's last word names a credential ("awsSecretKey", "DB_PASSWORD", "bot_token1") and no qualifier says otherwise. */
    static boolean secretKeyName(String key) {
        List<String> words = splitWords(key);
        if (words.isEmpty()) {
            return false;
        }
        String last = words.get(words.size() - 1);
        boolean tail = false;
        for (String t : SECRET_TAILS) {
            if (last.endsWith(t)) {
                tail = true;
                break;
            }
        }
        if (!tail) {
            return false;
        }
        for (String w : words) {
            if (NOT_SECRET_QUALIFIERS.contains(w) || FAKE_QUALIFIERS.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /** camelCase, snake_case, kebab-case and dotted names into lowercase words, trailing digits dropped. */
    static List<String> splitWords(String key) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean boundary = !Character.isLetterOrDigit(c);
            if (!boundary && Character.isUpperCase(c) && i > 0 && Character.isLowerCase(key.charAt(i - 1))) {
                flush(cur, out);
            }
            if (boundary) {
                flush(cur, out);
            } else if (!Character.isDigit(c)) {
                cur.append(Character.toLowerCase(c));
            }
        }
        flush(cur, out);
        return out;
    }

    private static void flush(StringBuilder cur, List<String> out) {
        if (!cur.isEmpty()) {
            out.add(cur.toString());
            cur.setLength(0);
        }
    }

    /** 0 for values that are clearly not credentials; otherwise a confidence that grows with randomness. */
    private static double valueConfidence(String key, String value) {
        boolean dotted = DOTTED_IDENTIFIER.matcher(value).matches() && Checksums.shannonEntropy(value) < 4.0;
        if (isTemplateValue(value) || dotted || value.startsWith("/")
                || value.contains("://") || PLACEHOLDER_WORDS.contains(value.toLowerCase(Locale.ROOT))) {
            return 0;
        }
        if (identifierLike(value)) {
            return 0;
        }
        boolean digits = false;
        boolean letters = false;
        boolean upper = false;
        boolean lowerCase = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                digits = true;
            } else if (Character.isLetter(c)) {
                letters = true;
                upper |= Character.isUpperCase(c);
                lowerCase |= Character.isLowerCase(c);
            }
        }
        double entropy = Checksums.shannonEntropy(value);
        List<String> words = splitWords(key);
        boolean password = words.contains("password") || words.contains("passwd") || words.contains("pwd")
                || words.contains("pass") || words.contains("pw") || words.contains("passphrase");
        if (UUID.matcher(value).matches()) {
            return words.get(words.size() - 1).equals("client") ? 0 : 0.75;
        }
        if (!letters) {
            return digits && value.length() >= 10 && entropy >= 2.5 ? 0.7 : 0;
        }
        if (password) {
            return value.length() >= 6 && (digits || (upper && lowerCase)) && entropy >= 2.5 ? 0.85 : 0;
        }
        if (value.length() < 10) {
            return 0;
        }
        if (!digits) {
            return entropy >= 3.5 && upper && lowerCase && value.length() >= 16 ? 0.7 : 0;
        }
        return entropy >= 3.0 ? 0.85 : 0;
    }

    /** "chain_Anvil2_Key", "default_rc": snake_case names whose parts are words, not random runs. */
    private static boolean identifierLike(String value) {
        if (!SNAKE_IDENTIFIER.matcher(value).matches()) {
            return false;
        }
        for (String part : value.split("_")) {
            boolean digit = part.chars().anyMatch(Character::isDigit);
            if (part.length() > 12 || (digit && part.length() > 6)) {
                return false;
            }
        }
        return true;
    }

    private static void highEntropy(String text, List<Finding> found) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!entropyChar(text.charAt(i)) || (i > 0 && entropyChar(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && entropyChar(text.charAt(j))) {
                j++;
            }
            if (j - i >= 24) {
                highEntropyCandidate(text, i, text.substring(i, j), found);
            }
            i = j;
        }
    }

    private static boolean entropyChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '+' || c == '/' || c == '_' || c == '=' || c == '.'
                || c == '-');
    }

    private static void highEntropyCandidate(String text, int at, String raw, List<Finding> found) {
        String v = trimValue(raw);
        int len = v.length();
        if (len < 24 || isTemplateValue(v) || UUID.matcher(v).find() || v.indexOf('/') >= 0 && v.indexOf("//") >= 0
                || fragmentOfCompound(text, at, at + len)) {
            return;
        }
        boolean digit = false;
        boolean letter = false;
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            digit |= Character.isDigit(c);
            letter |= Character.isLetter(c);
        }
        if (!digit || !letter || DOTTED_IDENTIFIER.matcher(v).matches()) {
            return;
        }
        boolean hex = HEX.matcher(v).matches();
        if (hex && (len == 32 || len == 40 || len == 64)) {
            return; // digests (md5, sha1, sha256) are everywhere in code and logs
        }
        double entropy = Checksums.shannonEntropy(v);
        double needed = hex ? 3.7 : len >= 40 ? 4.3 : 4.5;
        if (entropy >= needed && credentialContext(text, at)) {
            found.add(secret("high_entropy_string", at, at + len, 0.6));
        }
    }

    private static final Pattern CREDENTIAL_WORD = Pattern.compile(
            "(?i)key|token|secret|passw|pwd|auth|credential|bearer|api|login|session|cookie|private");
    private static final Pattern NOT_CREDENTIAL_CONTEXT = Pattern.compile("(?i)csrf|xsrf|authenticity|nonce|checksum|digest|hash");

    /** A random-looking string is only a credential if its line talks about credentials before it. */
    private static boolean credentialContext(String text, int start) {
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int from = Math.max(lineStart, start - 80);
        return CREDENTIAL_WORD.matcher(text).region(from, start).find()
                && !NOT_CREDENTIAL_CONTEXT.matcher(text).region(from, start).find()
                && splitWords(text.substring(from, start)).stream().noneMatch(FAKE_QUALIFIERS::contains);
    }

    /**
     * Fragments that mark a value as a template to be filled in rather than a real credential ("your_api_key",
     * "${TOKEN}", "placeholder_token", "changeme"): documentation and config templates are full of them.
     */
    private static final List<String> TEMPLATE_FRAGMENTS = List.of("xxxx", "****", "...", "example", "your_",
            "your-", "<your", "redacted", "placeholder", "${", "$(", "{{", "changeme", "put_your", "insert");
    private static final List<String> TEMPLATE_PREFIXES = List.of("<", "$", "%");

    /** An empty value, a template to fill in, or a keyboard run or one-character repetition. */
    private static boolean isTemplateValue(String v) {
        if (v.isEmpty()) {
            return true;
        }
        String l = v.toLowerCase(Locale.ROOT);
        if (TEMPLATE_FRAGMENTS.stream().anyMatch(l::contains) || TEMPLATE_PREFIXES.stream().anyMatch(l::startsWith)) {
            return true;
        }
        int distinct = (int) l.chars().distinct().count();
        return distinct <= 3 && l.length() >= 6 || l.contains("abcdefgh") || l.contains("qwertyui")
                || l.contains("12345678") && l.contains("abcdef");
    }

    /** Overlapping findings collapse to the most specific (highest-confidence, then longest) one. */
    private static List<Finding> resolve(List<Finding> found) {
        if (found.size() <= 1) {
            return found;
        }
        found.sort(Comparator.comparingDouble(Finding::confidence).reversed()
                .thenComparing(Comparator.comparingInt(Finding::length).reversed()));
        List<Finding> kept = new ArrayList<>();
        for (Finding f : found) {
            boolean clash = false;
            for (Finding k : kept) {
                if (k.overlaps(f)) {
                    clash = true;
                    break;
                }
            }
            if (!clash) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }

    private static Finding secret(String type, int start, int end, double conf) {
        return new Finding(FindingCategory.SECRET, type, start, end, conf);
    }
}
