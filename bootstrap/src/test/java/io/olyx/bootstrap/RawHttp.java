package io.olyx.bootstrap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * HTTP/1.1 written by hand over a socket, for what java.net.http will not send: a chunked body of known content,
 * a broken multipart form, a NUL in the path, oversized request lines and headers. The body is written on its own
 * thread while the answer is read, because a server that refuses a body early stops reading it.
 */
final class RawHttp {
    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A request whose head is {@code head} (request line and headers, no blank line) and whose body is as given. */
    ApiClient.Response send(String head, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> writeQuietly(out, body));
            byte[] answer = readQuietly(socket.getInputStream());
            writing.get(30, TimeUnit.SECONDS);
            return parse(new String(answer, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    ApiClient.Response post(String path, String rawKey, String contentType, byte[] body) {
        return postFramed(path, rawKey, contentType, "Content-Length: " + body.length, body);
    }

    ApiClient.Response postChunked(String path, String rawKey, String contentType, byte[] body) {
        return postFramed(path, rawKey, contentType, "Transfer-Encoding: chunked", chunked(body));
    }

    /** A POST whose framing header and body bytes are sent as given, however wrong (broken chunks, a short body). */
    ApiClient.Response postFramed(String path, String rawKey, String contentType, String framing, byte[] body) {
        return send(requestHead(path, rawKey, contentType) + "\r\n" + framing, body);
    }

    private static String requestHead(String path, String rawKey, String contentType) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + rawKey
                + "\r\nContent-Type: " + contentType;
    }

    static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int chunk = 8192;
        for (int from = 0; from < body.length; from += chunk) {
            int length = Math.min(chunk, body.length - from);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, from, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /** The server may close while the body is still being sent: that is an answer, not a test failure. */
    private static void writeQuietly(OutputStream out, byte[] body) {
        try {
            out.write(body);
            out.flush();
        } catch (IOException closedEarly) {
            // the answer (read on the other thread) says why
        }
    }

    private static byte[] readQuietly(InputStream in) {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException resetAfterAnswer) {
            // a reset after the answer (the server discarding the unread body) leaves what was read intact
        }
        return answer.toByteArray();
    }

    private static ApiClient.Response parse(String answer) {
        int headEnd = answer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete HTTP answer: " + answer);
        }
        String[] lines = answer.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = answer.substring(headEnd + 4);
        if (headers.getOrDefault("Transfer-Encoding", List.of()).contains("chunked")) {
            body = dechunk(body);
        }
        return new ApiClient.Response(status, ApiClient.parse(body), body, HttpHeaders.of(headers, (k, v) -> true));
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int length = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (length == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + length);
            at = lineEnd + 2 + length + 2;
        }
    }
}
