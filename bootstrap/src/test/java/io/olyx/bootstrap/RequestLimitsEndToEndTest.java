package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input sweep's requests, at small limits: bodies over the limit however they are framed (chunked,
 * multipart), broken multipart forms, payloads that fit a body but not a trace, and requests Jetty refuses itself.
 * Each gets its status in the API's error shape, and nothing of it is stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsEndToEndTest {
    private static final int BODY_LIMIT = 128 * 1024;
    private static final int UPLOAD_LIMIT = 512 * 1024;
    private static final String BOUNDARY = "limits-boundary-42";

    @TempDir
    static Path dataDir;

    RunningOlyx olyx;
    ApiClient owner;
    RawHttp raw;

    @BeforeAll
    void start() {
        olyx = RunningOlyx.start(dataDir, Map.of("OLYX_MAX_BODY_BYTES", Integer.toString(BODY_LIMIT),
                "OLYX_MAX_UPLOAD_BYTES", Integer.toString(UPLOAD_LIMIT)));
        owner = olyx.owner();
        raw = new RawHttp(olyx.port());
    }

    @AfterAll
    void stop() {
        olyx.close();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndNoTraceIsStored() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Chunked");
        assertError(raw.postChunked("/api/v1/traces", tenant.rawKey(), "application/json", junkJson(2 * BODY_LIMIT)),
                413, "payload_too_large");
        assertThat(traceCount(tenant)).isZero();
    }

    @Test
    void aChunkedBodyUnderTheLimitIsStillAccepted() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Small chunks");
        byte[] body = "{\"metadata\":{\"task\":\"chunked\"}}".getBytes(StandardCharsets.UTF_8);
        ApiClient.Response created = raw.postChunked("/api/v1/traces", tenant.rawKey(), "application/json", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(traceCount(tenant)).isEqualTo(1);
    }

    @Test
    void aBodyWithBrokenChunkingIsABadRequestAndNoTraceIsStored() {
        assertTraceRefused("Broken chunks", "Transfer-Encoding: chunked",
                "zz\r\n{}\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 400, "invalid_body");
    }

    @Test
    void aDeclaredLengthBeyondAnyLimitIsRefusedBeforeReadingEvenPastTwoToThe31() {
        assertTraceRefused("Huge length", "Content-Length: 3000000000",
                "{\"metadata\":".getBytes(StandardCharsets.UTF_8), 413, "payload_too_large");
    }

    @Test
    void aBodyIsReadInTheCharsetItDeclaresAndUtf8WhenItDeclaresNone() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Charsets");
        String json = "{\"metadata\":{\"city\":\"Zürich\"}}";
        for (var charset : List.of(StandardCharsets.ISO_8859_1, StandardCharsets.UTF_16BE)) {
            assertThat(storedCity(tenant, "application/json; charset=" + charset.name(), json.getBytes(charset)))
                    .isEqualTo("Zürich");
        }
        assertThat(storedCity(tenant, "application/json", json.getBytes(StandardCharsets.UTF_8))).isEqualTo("Zürich");
    }

    private String storedCity(RunningOlyx.Tenant tenant, String contentType, byte[] body) {
        ApiClient.Response created = raw.post("/api/v1/traces", tenant.rawKey(), contentType, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return tenant.client().get("/api/v1/traces/" + created.json().path("id").asText()).json().path("metadata")
                .path("city").asText();
    }

    @Test
    void aBodyThatIsNotTheUtf8ItIsTakenForIsMalformedAndNoTraceIsStored() {
        byte[] latin1 = "{\"metadata\":{\"city\":\"Zürich\"}}".getBytes(StandardCharsets.ISO_8859_1);
        assertTraceRefused("Latin-1 as UTF-8", "Content-Length: " + latin1.length, latin1, 400, "invalid_json");
    }

    @Test
    void anEscapedHalfOfASurrogatePairIsRefusedAndNoTraceIsStored() {
        byte[] body = "{\"metadata\":{\"note\":\"cut \\ud83d\"}}".getBytes(StandardCharsets.UTF_8);
        assertTraceRefused("Half a pair", "Content-Length: " + body.length, body, 422, "invalid_request");
    }

    @Test
    void aCharsetTheServerDoesNotKnowIsRefusedByName() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Unknown charset");
        ApiClient.Response refused = raw.post("/api/v1/traces", tenant.rawKey(), "application/json; charset=klingon-8",
                "{}".getBytes(StandardCharsets.UTF_8));
        assertError(refused, 415, "unsupported_charset");
        assertThat(refused.json().path("error").asText()).contains("klingon-8");
        assertThat(traceCount(tenant)).isZero();
    }

    /** A trace create framed as given (however wrong) for a new tenant: refused as expected, and nothing stored. */
    private void assertTraceRefused(String tenantName, String framing, byte[] body, int status, String code) {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, tenantName);
        assertError(raw.postFramed("/api/v1/traces", tenant.rawKey(), "application/json", framing, body), status,
                code);
        assertThat(traceCount(tenant)).isZero();
    }

    @Test
    void documentUploadsOverTheUploadLimitAreRefusedMultipartOrRawAndStoreNothing() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Big uploads");
        String collection = newCollection(tenant);
        String path = "/api/v1/collections/" + collection + "/documents";
        byte[] jsonl = jsonl(2 * UPLOAD_LIMIT);
        assertError(raw.post(path, tenant.rawKey(), multipartType(), multipart("documents", jsonl)), 413,
                "payload_too_large");
        assertError(raw.postChunked(path, tenant.rawKey(), multipartType(), multipart("documents", jsonl)), 413,
                "payload_too_large");
        assertError(raw.postChunked(path, tenant.rawKey(), "application/jsonl", jsonl), 413, "payload_too_large");
        assertThat(tenant.client().get(path).json()).isEmpty();
    }

    @Test
    void aDocumentUploadMayBeLargerThanTheBodyLimitUpToTheUploadLimit() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Mid uploads");
        String collection = newCollection(tenant);
        // blank lines (which an upload skips) make up the size, so that only two short documents get embedded
        String jsonl = "{\"docId\":\"a\",\"text\":\"alpha\"}\n" + " \n".repeat(BODY_LIMIT)
                + "{\"docId\":\"b\",\"text\":\"beta\"}\n";
        ApiClient.Response uploaded = raw.post("/api/v1/collections/" + collection + "/documents", tenant.rawKey(),
                "application/jsonl", jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(200);
        assertThat(uploaded.json().path("enqueued").asInt()).isEqualTo(2);
    }

    @Test
    void malformedMultipartIsABadRequestAndImportsNothing() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Broken forms");
        String documents = "/api/v1/collections/" + newCollection(tenant) + "/documents";
        byte[] garbage = "garbage".getBytes(StandardCharsets.UTF_8);
        byte[] unterminated = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"skills\"; "
                + "filename=\"s.jsonl\"\r\n\r\n{\"slug\":\"half\"").getBytes(StandardCharsets.UTF_8);
        for (String path : List.of("/api/v1/skills/management/import", documents)) {
            assertError(raw.post(path, tenant.rawKey(), "multipart/form-data", garbage), 400, "invalid_multipart");
            assertError(raw.post(path, tenant.rawKey(), multipartType(), garbage), 400, "invalid_multipart");
            assertError(raw.post(path, tenant.rawKey(), multipartType(), unterminated), 400, "invalid_multipart");
        }
        assertThat(tenant.client().get("/api/v1/skills").json()).isEmpty();
        assertThat(tenant.client().get(documents).json()).isEmpty();
    }

    @Test
    void nestedMetadataOverItsSizeLimitIsRefusedByName() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Nested metadata");
        Map<String, Object> metadata = Map.of("k", Collections.nCopies(70, "x".repeat(1000)));
        ApiClient.Response refused = tenant.client().post("/api/v1/traces", Map.of("metadata", metadata));
        assertError(refused, 422, "invalid_request");
        assertThat(refused.text("error")).contains("metadata").contains("65536");
        ApiClient.Response chat = tenant.client().post("/v1/chat/completions", Map.of("model", "sandbox",
                "messages", List.of(Map.of("role", "user", "content", "hi")), "metadata", metadata));
        assertError(chat, 422, "invalid_request");
        assertThat(traceCount(tenant)).isZero();
    }

    @Test
    void aChatCompletionsMetadataFollowsTheTraceRulesForItBecomesItsTracesMetadata() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Chat metadata");
        RagEndToEndTest.useSandboxModel(owner, tenant.projectId());
        for (Map<String, Object> metadata : List.<Map<String, Object>>of(Map.of("task", "x".repeat(1025)),
                Map.of("not a key!", "x"))) {
            ApiClient.Response refused = tenant.client().post("/api/v1/chat/completions", chat(metadata));
            assertError(refused, 422, "invalid_request");
            assertThat(refused.text("error")).contains("metadata");
            assertError(tenant.client().post("/api/v1/traces", Map.of("metadata", metadata)), 422, "invalid_request");
        }
        assertThat(traceCount(tenant)).isZero();
        ApiClient.Response accepted = tenant.client().post("/api/v1/chat/completions",
                chat(Map.of("task", "x".repeat(1024))));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    @Test
    void documentMetadataOverItsSizeLimitIsRefusedByLineOrByNameAndNothingIsStored() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Big document metadata");
        String collection = newCollection(tenant);
        String documents = "/api/v1/collections/" + collection + "/documents";
        Map<String, Object> metadata = Map.of("k", Collections.nCopies(70, "x".repeat(1000)));
        String jsonl = JsonlUploads.jsonl(List.of(Map.of("docId", "fine", "text", "A small document."),
                Map.of("docId", "heavy", "text", "A document with a large label set.", "__meta", metadata)));
        ApiClient.Response upload = raw.post(documents, tenant.rawKey(), "application/jsonl",
                jsonl.getBytes(StandardCharsets.UTF_8));
        assertError(upload, 422, "invalid_request");
        assertThat(upload.json().path("line").asInt()).isEqualTo(2);
        assertThat(upload.text("error")).contains("metadata").contains("65536");

        ApiClient.Response put = tenant.client().put(documents, Map.of("name", "heavy",
                "contents", "A document with a large label set.", "metadata", metadata));
        assertError(put, 422, "invalid_request");
        assertThat(put.text("error")).contains("metadata").contains("65536");
        assertThat(tenant.client().get(documents).json()).isEmpty();
    }

    @Test
    void aLogOutputOverItsSizeLimitIsRefusedByName() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Big logs");
        String trace = tenant.client().post("/api/v1/traces", Map.of()).text("id");
        ApiClient.Response refused = tenant.client().post("/api/v1/logs", Map.of("trace_id", trace,
                "output", Map.of("rows", Collections.nCopies(70, "x".repeat(1000)))));
        assertError(refused, 422, "invalid_request");
        assertThat(refused.text("error")).contains("output").contains("65536");
        assertThat(tenant.client().get("/api/v1/traces/" + trace).json().path("steps")).isEmpty();
    }

    @Test
    void requestsJettyRefusesItselfGetTheErrorShape() {
        String host = "\r\nHost: localhost";
        assertError(raw.send("GET /api/v1/traces/%00 HTTP/1.1" + host, new byte[0]), 400, "bad_request");
        assertError(raw.send("GET /api/v1/traces?q=" + "a".repeat(20_000) + " HTTP/1.1" + host, new byte[0]), 414,
                "uri_too_long");
        assertError(raw.send("GET /api/v1/traces HTTP/1.1" + host + "\r\nX-Big: " + "a".repeat(20_000),
                new byte[0]), 431, "headers_too_large");
    }

    private static Map<String, Object> chat(Map<String, Object> metadata) {
        return Map.of("messages", List.of(Map.of("role", "user", "content", "hi")), "metadata", metadata);
    }

    private long traceCount(RunningOlyx.Tenant tenant) {
        return tenant.client().get("/api/v1/traces").json().path("total").asLong();
    }

    private String newCollection(RunningOlyx.Tenant tenant) {
        ApiClient.Response created = tenant.client().post("/api/v1/collections",
                Map.of("collectionName", "limits", "context", "test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return created.text("collectionId");
    }

    /** The sweep's body: one JSON object holding an array of 1000-character strings, about {@code size} bytes. */
    private static byte[] junkJson(int size) {
        StringBuilder json = new StringBuilder("{\"junk\":[");
        while (json.length() < size) {
            json.append('"').append("a".repeat(1000)).append("\",");
        }
        return json.append("1]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Valid JSONL documents of about {@code size} bytes. */
    private static byte[] jsonl(int size) {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; jsonl.length() < size; i++) {
            jsonl.append("{\"docId\":\"doc-").append(i).append("\",\"text\":\"").append("word ".repeat(200))
                    .append("\"}\n");
        }
        return jsonl.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String multipartType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    private static byte[] multipart(String field, byte[] file) {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + field
                + "\"; filename=\"upload.jsonl\"\r\nContent-Type: application/jsonl\r\n\r\n";
        String tail = "\r\n--" + BOUNDARY + "--\r\n";
        byte[] body = new byte[head.length() + file.length + tail.length()];
        System.arraycopy(head.getBytes(StandardCharsets.UTF_8), 0, body, 0, head.length());
        System.arraycopy(file, 0, body, head.length(), file.length);
        System.arraycopy(tail.getBytes(StandardCharsets.UTF_8), 0, body, head.length() + file.length, tail.length());
        return body;
    }
}
