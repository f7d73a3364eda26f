package io.olyx.adapter.http.rag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.olyx.adapter.http.ApiError;
import io.olyx.domain.rag.DocumentInput;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonlDocumentsTest {

    static List<DocumentInput> read(String jsonl) {
        return JsonlDocuments.read(jsonl);
    }

    static ApiError rejection(String jsonl) {
        return catchThrowableOfType(ApiError.class, () -> read(jsonl));
    }

    @Test
    void aHugeNumberInMetaRejectsTheUploadNamingTheLine() {
        ApiError error = rejection("{\"docId\":\"a\",\"text\":\"x\"}\n"
                + "{\"docId\":\"b\",\"text\":\"y\",\"__meta\":{\"a\":1e999999}}\n");

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.code()).isEqualTo("invalid_request");
        assertThat(error.details()).containsEntry("line", 2);
        assertThat(error.getMessage()).startsWith("Line 2 ").contains("__meta.a");
    }

    @Test
    void trailingTokensOnALineAreMalformed() {
        ApiError error = rejection("{\"docId\":\"a\",\"text\":\"x\"} garbage\n");

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("invalid_json");
        assertThat(error.details()).containsEntry("line", 1);
        assertThat(rejection("{\"docId\":\"a\",\"text\":\"x\"}\n{\"docId\":\"b\"} {}\n").getMessage())
                .as("a line is one line: its column is enough")
                .isEqualTo("Line 2 is not valid JSON: unexpected text after the JSON document at column 15");
    }

    @Test
    void aWholeNumberDocIdIsItsDigitsHoweverItIsWritten() {
        List<DocumentInput> documents = read("{\"docId\":1e3,\"text\":\"x\"}\n{\"docId\":42.0,\"text\":\"x\"}\n"
                + "{\"docId\":-7,\"text\":\"x\"}\n{\"docId\":12345678901234567890,\"text\":\"x\"}\n");

        assertThat(documents).extracting(DocumentInput::name).containsExactly("1000", "42", "-7",
                "12345678901234567890");
        assertThat(rejection("{\"docId\":4.2e1,\"text\":\"x\"}\n{\"docId\":42,\"text\":\"y\"}\n").getMessage())
                .isEqualTo("Line 2: docId \"42\" already appears on line 1");
        for (String docId : List.of("1.5", "true", "\"\"", "[1]")) {
            ApiError error = rejection("{\"docId\":" + docId + ",\"text\":\"x\"}\n");
            assertThat(error.status()).isEqualTo(422);
            assertThat(error.getMessage()).as(docId)
                    .isEqualTo("Line 1: docId is required: a non-empty string or a whole number");
        }
    }

    @Test
    void metaNumbersAreKeptExactly() {
        DocumentInput document = read("{\"docId\":\"a\",\"text\":\"x\",\"__meta\":{\"p\":0.123456789123456789}}")
                .getFirst();

        assertThat(document.metadata().orElseThrow().json()).isEqualTo("{\"p\":0.123456789123456789}");
    }
}
