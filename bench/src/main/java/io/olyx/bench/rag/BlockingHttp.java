package io.olyx.bench.rag;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A synchronous HTTP/1.1 client (the JDK's {@link HttpURLConnection}, keep-alive pooled): the request is written
 * and the answer read on the caller's thread, as Python's requests or curl do. The JDK's asynchronous
 * {@link java.net.http.HttpClient} hands each answer from its selector thread to an executor and then to the
 * waiting caller, and on a two-core VM each of those wake-ups costs up to a millisecond of the measured latency.
 */
final class BlockingHttp {

    private BlockingHttp() {
    }

    /** Posts a JSON body and reads the whole answer; anything but 200 fails. */
    static void post(String url, String bearer, String json) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Authorization", "Bearer " + bearer);
        c.setRequestProperty("Content-Type", "application/json");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        c.setFixedLengthStreamingMode(body.length);
        try (OutputStream out = c.getOutputStream()) {
            out.write(body);
        }
        read(c, url);
    }

    static void get(String url) throws IOException {
        read((HttpURLConnection) URI.create(url).toURL().openConnection(), url);
    }

    /** Reads the body to its end, which is what returns the connection to the keep-alive pool. */
    private static void read(HttpURLConnection c, String url) throws IOException {
        if (c.getResponseCode() != 200) {
            throw new IllegalStateException(url + " answered " + c.getResponseCode());
        }
        try (InputStream in = c.getInputStream()) {
            in.readAllBytes();
        }
    }
}
