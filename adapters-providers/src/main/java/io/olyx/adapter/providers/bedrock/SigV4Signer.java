package io.olyx.adapter.providers.bedrock;

import io.olyx.domain.llm.AwsCredentials;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 (header form), as specified in the AWS SigV4 docs and verified against AWS's published
 * test suite. Paths are normalised and URI-encoded as for every service but S3: the path given is the one on the
 * wire, so an already percent-encoded segment (Bedrock model ids with ':') is encoded a second time, as AWS expects.
 */
final class SigV4Signer {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
    private static final HexFormat HEX = HexFormat.of();

    private SigV4Signer() {
    }

    record Header(String name, String value) {
    }

    /** Every intermediate, so tests can compare each against the published vectors. */
    record Signature(String canonicalRequest, String stringToSign, String signature, String authorization) {
    }

    /**
     * Headers to send for a request signed now: x-amz-date, x-amz-security-token for session credentials, and
     * Authorization. Host and Content-Type are signed as the HTTP client will send them.
     */
    static Map<String, String> signedHeaders(String method, URI uri, String contentType, byte[] body,
                                            AwsCredentials credentials, String region, String service, Instant now) {
        String amzDate = AMZ_DATE.format(now);
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("host", hostHeader(uri)));
        headers.add(new Header("content-type", contentType));
        headers.add(new Header("x-amz-date", amzDate));
        credentials.sessionToken().ifPresent(token -> headers.add(new Header("x-amz-security-token", token)));
        Signature signature = sign(method, uri.getRawPath(), uri.getRawQuery(), headers, sha256Hex(body),
                credentials, region, service, amzDate);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("X-Amz-Date", amzDate);
        credentials.sessionToken().ifPresent(token -> out.put("X-Amz-Security-Token", token));
        out.put("Authorization", signature.authorization());
        return out;
    }

    static Signature sign(String method, String path, String query, List<Header> headers, String payloadHash,
                          AwsCredentials credentials, String region, String service, String amzDate) {
        Map<String, List<String>> canonicalHeaders = canonicalHeaders(headers);
        String signedHeaders = String.join(";", canonicalHeaders.keySet());
        StringBuilder creq = new StringBuilder();
        creq.append(method).append('\n')
                .append(canonicalUri(path)).append('\n')
                .append(canonicalQuery(query)).append('\n');
        canonicalHeaders.forEach((name, values) -> creq.append(name).append(':')
                .append(String.join(",", values)).append('\n'));
        creq.append('\n').append(signedHeaders).append('\n').append(payloadHash);
        String canonicalRequest = creq.toString();

        String date = amzDate.substring(0, 8);
        String scope = date + "/" + region + "/" + service + "/aws4_request";
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + scope + "\n" + sha256Hex(utf8(canonicalRequest));

        byte[] key = hmac(utf8("AWS4" + credentials.secretAccessKey()), date);
        key = hmac(key, region);
        key = hmac(key, service);
        key = hmac(key, "aws4_request");
        String signature = HEX.formatHex(hmac(key, stringToSign));
        String authorization = ALGORITHM + " Credential=" + credentials.accessKeyId() + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature;
        return new Signature(canonicalRequest, stringToSign, signature, authorization);
    }

    /** Lowercased names in order, values trimmed with inner runs of spaces collapsed, repeats comma-joined. */
    private static Map<String, List<String>> canonicalHeaders(List<Header> headers) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Header header : headers) {
            String value = header.value().strip().replaceAll(" +", " ");
            out.computeIfAbsent(header.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    static String canonicalUri(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String normalized = normalizePath(path);
        StringBuilder out = new StringBuilder();
        int start = 0;
        for (int i = 0; i <= normalized.length(); i++) {
            if (i == normalized.length() || normalized.charAt(i) == '/') {
                out.append(encode(normalized.substring(start, i)));
                if (i < normalized.length()) {
                    out.append('/');
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    /** RFC 3986 dot-segment removal plus collapsing of empty segments, keeping a trailing slash. */
    private static String normalizePath(String path) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        String joined = "/" + String.join("/", segments);
        boolean trailing = path.endsWith("/") || path.endsWith("/.") || path.endsWith("/..");
        return trailing && !joined.endsWith("/") ? joined + "/" : joined;
    }

    static String canonicalQuery(String query) {
        if (query == null || query.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int eq = parameter.indexOf('=');
            String name = eq < 0 ? parameter : parameter.substring(0, eq);
            String value = eq < 0 ? "" : parameter.substring(eq + 1);
            pairs.add(new String[] {encode(percentDecode(name)), encode(percentDecode(value))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder out = new StringBuilder();
        for (String[] pair : pairs) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(pair[0]).append('=').append(pair[1]);
        }
        return out.toString();
    }

    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : utf8(text)) {
            char c = (char) (b & 0xff);
            if (c < 128 && UNRESERVED.indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(HEX.toHexDigits(b).toUpperCase(Locale.ROOT));
            }
        }
        return out.toString();
    }

    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && HexFormat.isHexDigit(text.charAt(i + 1)) && HexFormat.isHexDigit(text.charAt(i + 2))) {
                bytes.write(HexFormat.fromHexDigits(text, i + 1, i + 3));
                i += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                bytes.writeBytes(utf8(text.substring(i, i + 2)));
                i++;
            } else {
                bytes.writeBytes(utf8(String.valueOf(c)));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** What java.net.http sends as Host: the port only when it is not the scheme's default. */
    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("https".equalsIgnoreCase(uri.getScheme()) && port == 443)
                || ("http".equalsIgnoreCase(uri.getScheme()) && port == 80);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    static String sha256Hex(byte[] data) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(utf8(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
