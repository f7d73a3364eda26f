package io.olyx.bootstrap;

import static io.olyx.bootstrap.ApiErrorsEndToEndTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two JSONL uploads (collection documents, skills import) as clients send them, raw or as a multipart file:
 * read in the charset they declare and never stored with U+FFFD for bytes that are not text, a byte order mark
 * dropped, and the file taken only from the field the seed names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsonlUploadsEndToEndTest {
    private static final String BOUNDARY = "jsonl-uploads-boundary-3f";
    private static final String SKILLS = "/api/v1/skills/management/import";
    private static final Charset LATIN_1 = StandardCharsets.ISO_8859_1;
    private static final byte[] ONE_DOCUMENT = "{\"docId\":\"a\",\"text\":\"x\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ONE_SKILL = "{\"slug\":\"a\",\"instructions\":\"x\"}\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dataDir;

    RunningOlyx olyx;
    ApiClient owner;
    RawHttp raw;

    @BeforeAll
    void start() {
        olyx = RunningOlyx.start(dataDir);
        owner = olyx.owner();
        raw = new RawHttp(olyx.port());
    }

    @AfterAll
    void stop() {
        olyx.close();
    }

    /** A part of a multipart form; a file when it has a file name. */
    record Part(String field, String filename, String contentType, byte[] content) {
        static Part file(String field, String contentType, byte[] content) {
            return new Part(field, "upload.jsonl", contentType, content);
        }
    }

    static String formType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    static byte[] form(Part... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.field() + "\""
                    + (part.filename() == null ? "" : "; filename=\"" + part.filename() + "\"")
                    + (part.contentType() == null ? "" : "\r\nContent-Type: " + part.contentType()) + "\r\n\r\n";
            body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private String documentsPath(RunningOlyx.Tenant tenant) {
        ApiClient.Response created = tenant.client().post("/api/v1/collections",
                Map.of("collectionName", "uploads", "context", "test"));
        assertThat(created.status()).as(created.toString()).isEqualTo(200);
        return "/api/v1/collections/" + created.text("collectionId") + "/documents";
    }

    /** The stored text of the document named {@code name}. */
    private static String contents(RunningOlyx.Tenant tenant, String documents, String name) {
        for (JsonNode item : tenant.client().get(documents).json()) {
            if (item.path("name").asText().equals(name)) {
                return tenant.client().get(documents + "/" + item.path("id").asText()).json().path("contents")
                        .asText();
            }
        }
        throw new AssertionError("no document " + name + " in " + tenant.client().get(documents).body());
    }

    private static String instructions(RunningOlyx.Tenant tenant, String slug) {
        for (JsonNode skill : tenant.client().get("/api/v1/skills").json()) {
            if (skill.path("slug").asText().equals(slug)) {
                return tenant.client().get("/api/v1/skills/" + skill.path("id").asText()).json()
                        .path("instructions").asText();
            }
        }
        throw new AssertionError("no skill " + slug + " in " + tenant.client().get("/api/v1/skills").body());
    }

    private static void assertAccepted(ApiClient.Response upload, int enqueued, int skipped) {
        assertThat(upload.status()).as(upload.toString()).isEqualTo(200);
        assertThat(upload.json().path("enqueued").asInt()).as(upload.toString()).isEqualTo(enqueued);
        assertThat(upload.json().path("skipped").asInt()).as(upload.toString()).isEqualTo(skipped);
    }

    @Test
    void documentsAreReadInTheCharsetTheBodyOrTheirPartDeclares() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Declared charsets");
        String documents = documentsPath(tenant);
        String latin = "{\"docId\":\"lat\",\"text\":\"café crème\"}\n";
        String utf16 = "{\"docId\":\"wide\",\"text\":\"Zürich ✓\"}\n";
        String part = "{\"docId\":\"part\",\"text\":\"naïve façade\"}\n";

        assertAccepted(raw.post(documents, tenant.rawKey(), "application/jsonl; charset=ISO-8859-1",
                latin.getBytes(LATIN_1)), 1, 0);
        assertAccepted(raw.post(documents, tenant.rawKey(), "application/jsonl; charset=UTF-16LE",
                utf16.getBytes(StandardCharsets.UTF_16LE)), 1, 0);
        assertAccepted(raw.post(documents, tenant.rawKey(), formType(), form(Part.file("documents",
                "application/jsonl; charset=ISO-8859-1", part.getBytes(LATIN_1)))), 1, 0);

        assertThat(contents(tenant, documents, "lat")).isEqualTo("café crème");
        assertThat(contents(tenant, documents, "wide")).isEqualTo("Zürich ✓");
        assertThat(contents(tenant, documents, "part")).isEqualTo("naïve façade");
    }

    @Test
    void documentBytesThatAreNotUtf8AreMalformedNamingTheLineAndNothingIsStored() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Not UTF-8 documents");
        String documents = documentsPath(tenant);
        byte[] jsonl = ("{\"docId\":\"fine\",\"text\":\"plain\"}\r\n{\"docId\":\"lat\",\"text\":\"café crème\"}\n")
                .getBytes(LATIN_1);

        for (ApiClient.Response refused : List.of(
                raw.post(documents, tenant.rawKey(), "application/jsonl", jsonl),
                raw.post(documents, tenant.rawKey(), formType(), form(Part.file("documents", "application/jsonl",
                        jsonl))))) {
            assertError(refused, 400, "invalid_json");
            assertThat(refused.json().path("line").asInt()).as(refused.toString()).isEqualTo(2);
            assertThat(refused.text("error")).startsWith("Line 2 ").contains("UTF-8").contains("E9");
        }
        assertThat(tenant.client().get(documents).json()).isEmpty();
    }

    @Test
    void aReplacementCharacterTheClientReallySentIsKept() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Real U+FFFD");
        String documents = documentsPath(tenant);
        byte[] jsonl = "{\"docId\":\"rep\",\"text\":\"a \uFFFD b\"}\n".getBytes(StandardCharsets.UTF_8);

        assertAccepted(raw.post(documents, tenant.rawKey(), "application/jsonl", jsonl), 1, 0);
        assertThat(contents(tenant, documents, "rep")).isEqualTo("a \uFFFD b");
    }

    @Test
    void anUploadInACharsetTheServerDoesNotKnowIsRefusedByName() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Unknown upload charset");
        String documents = documentsPath(tenant);

        for (ApiClient.Response refused : List.of(
                raw.post(documents, tenant.rawKey(), "application/jsonl; charset=bogus", ONE_DOCUMENT),
                raw.post(documents, tenant.rawKey(), formType(), form(Part.file("documents",
                        "application/jsonl; charset=bogus", ONE_DOCUMENT))),
                raw.post(SKILLS, tenant.rawKey(), "application/jsonl; charset=bogus", ONE_SKILL),
                raw.post(SKILLS, tenant.rawKey(), formType(), form(Part.file("skills",
                        "application/jsonl; charset=bogus", ONE_SKILL))))) {
            assertError(refused, 415, "unsupported_charset");
            assertThat(refused.text("error")).contains("bogus");
        }
        assertThat(tenant.client().get(documents).json()).isEmpty();
        assertThat(tenant.client().get("/api/v1/skills").json()).isEmpty();
    }

    @Test
    void skillsAreReadInTheDeclaredCharsetAndBytesThatAreNotUtf8ImportNothing() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Skill charsets");
        byte[] latin = "{\"slug\":\"ok\",\"instructions\":\"y\"}\n{\"slug\":\"lat\",\"instructions\":\"café\"}\n"
                .getBytes(LATIN_1);

        for (ApiClient.Response refused : List.of(
                raw.post(SKILLS, tenant.rawKey(), "application/jsonl", latin),
                raw.post(SKILLS, tenant.rawKey(), formType(), form(Part.file("skills", null, latin))))) {
            assertError(refused, 400, "invalid_json");
            assertThat(refused.json().path("line").asInt()).as(refused.toString()).isEqualTo(2);
        }
        assertThat(tenant.client().get("/api/v1/skills").json()).isEmpty();

        assertAccepted(raw.post(SKILLS, tenant.rawKey(), "application/jsonl; charset=ISO-8859-1", latin), 2, 0);
        assertThat(instructions(tenant, "lat")).isEqualTo("café");
        byte[] part = "{\"slug\":\"part\",\"instructions\":\"crème\"}\n".getBytes(LATIN_1);
        assertAccepted(raw.post(SKILLS, tenant.rawKey(), formType(), form(Part.file("skills",
                "application/jsonl; charset=ISO-8859-1", part))), 1, 0);
        assertThat(instructions(tenant, "part")).isEqualTo("crème");
    }

    @Test
    void aByteOrderMarkIsDroppedAndCrlfLinesWorkInBothUploads() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Byte order marks");
        String documents = documentsPath(tenant);
        byte[] skills = ("\uFEFF{\"slug\":\"bomskill\",\"instructions\":\"x\"}\r\n"
                + "{\"slug\":\"crlf2\",\"instructions\":\"y\"}\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] docs = "\uFEFF{\"docId\":\"bomdoc\",\"text\":\"x\"}\r\n{\"docId\":\"crlf2\",\"text\":\"y\"}\r\n"
                .getBytes(StandardCharsets.UTF_8);

        assertAccepted(raw.post(SKILLS, tenant.rawKey(), "application/jsonl", skills), 2, 0);
        assertThat(instructions(tenant, "bomskill")).isEqualTo("x");
        assertThat(instructions(tenant, "crlf2")).isEqualTo("y");
        assertAccepted(raw.post(documents, tenant.rawKey(), formType(), form(Part.file("documents",
                "application/jsonl", docs))), 2, 0);
        assertThat(contents(tenant, documents, "bomdoc")).isEqualTo("x");
        assertThat(contents(tenant, documents, "crlf2")).isEqualTo("y");
    }

    @Test
    void aFormMustCarryExactlyOneFileInTheFieldTheSeedNamesAndNothingElseIsRead() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Upload fields");
        String documents = documentsPath(tenant);
        byte[] more = "{\"docId\":\"b\",\"text\":\"y\"}\n".getBytes(StandardCharsets.UTF_8);

        for (String field : List.of("documents", "skills")) {
            String path = field.equals("skills") ? SKILLS : documents;
            byte[] file = field.equals("skills") ? ONE_SKILL : ONE_DOCUMENT;
            ApiClient.Response elsewhere = raw.post(path, tenant.rawKey(), formType(),
                    form(Part.file("other", "application/jsonl", file)));
            assertError(elsewhere, 422, "invalid_request");
            assertThat(elsewhere.text("error")).contains("\"" + field + "\"").contains("required");

            ApiClient.Response twice = raw.post(path, tenant.rawKey(), formType(),
                    form(Part.file(field, "application/jsonl", file), Part.file(field, "application/jsonl", more)));
            assertError(twice, 422, "invalid_request");
            assertThat(twice.text("error")).contains("\"" + field + "\"").contains("2 files");
        }
        assertThat(tenant.client().get(documents).json()).isEmpty();
        assertThat(tenant.client().get("/api/v1/skills").json()).isEmpty();

        assertAccepted(raw.post(documents, tenant.rawKey(), formType(), form(Part.file("documents",
                "application/jsonl", ONE_DOCUMENT), new Part("insert-mode", null, null,
                "append".getBytes(StandardCharsets.UTF_8)))), 1, 0);
    }

    @Test
    void insertModeInQueryAndFormMustAgreeAndAnEmptyValueCountsAsLeftOut() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Insert mode");
        String documents = documentsPath(tenant);
        byte[] twoDocuments = "{\"docId\":\"a\",\"text\":\"x\"}\n{\"docId\":\"b\",\"text\":\"y\"}\n"
                .getBytes(StandardCharsets.UTF_8);
        assertAccepted(raw.post(documents, tenant.rawKey(), "application/jsonl", twoDocuments), 2, 0);

        ApiClient.Response conflicting = raw.post(documents + "?insert-mode=append", tenant.rawKey(), formType(),
                form(Part.file("documents", "application/jsonl", ONE_DOCUMENT), mode("sync")));
        assertError(conflicting, 422, "invalid_request");
        assertThat(conflicting.text("error")).contains("insert-mode");
        assertThat(names(tenant.client().get(documents).json())).containsExactlyInAnyOrder("a", "b");

        assertAccepted(raw.post(documents + "?insert-mode=", tenant.rawKey(), formType(),
                form(Part.file("documents", "application/jsonl", ONE_DOCUMENT), mode("sync"))), 0, 1);
        assertThat(names(tenant.client().get(documents).json())).as("synced: b removed").containsExactly("a");

        assertAccepted(raw.post(documents + "?insert-mode=SYNC", tenant.rawKey(), formType(),
                form(Part.file("documents", "application/jsonl", twoDocuments), mode("sync"))), 1, 1);
    }

    private static Part mode(String value) {
        return new Part("insert-mode", null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void oneUploadsDocumentsBrowseAndExportInTheOrderOfItsLines() {
        RunningOlyx.Tenant tenant = olyx.newTenant(owner, "Line order");
        String documents = documentsPath(tenant);
        List<String> lines = IntStream.range(0, 60).mapToObj(i -> "line-" + i).toList();
        StringBuilder jsonl = new StringBuilder();
        lines.forEach(name -> jsonl.append("{\"docId\":\"").append(name).append("\",\"text\":\"x\"}\n"));

        assertAccepted(raw.post(documents, tenant.rawKey(), "application/jsonl",
                jsonl.toString().getBytes(StandardCharsets.UTF_8)), lines.size(), 0);

        assertThat(names(tenant.client().get(documents + "?order_by=created_at_asc&per_page=100").json()))
                .isEqualTo(lines);
        assertThat(names(tenant.client().get(documents + "?order_by=created_at_desc&per_page=100").json()))
                .isEqualTo(lines.reversed());
        String export = tenant.client().get(documents.replace("/documents", "/export.jsonl")).body();
        assertThat(export.lines().map(line -> ApiClient.parse(line).path("docId").asText()).toList())
                .isEqualTo(lines);
    }

    private static List<String> names(JsonNode items) {
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.path("name").asText()));
        return names;
    }
}
