package io.olyx.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UploadTextTest {

    @Test
    void bytesThatAreNotTextNameTheLineTheyAreOnCountingLineBreaksAsTheUploadsDo() {
        byte[] upload = "one\r\ntwo\rthree\n\nf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

        ApiError error = catchThrowableOfType(ApiError.class, () -> UploadText.decode(upload, StandardCharsets.UTF_8));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.code()).isEqualTo("invalid_json");
        assertThat(error.details()).containsEntry("line", 5);
        assertThat(error.getMessage()).startsWith("Line 5 is not valid UTF-8 (bytes E9)");
    }

    @Test
    void everyCharsetIsDecodedStrictlyNotOnlyUtf8() {
        byte[] halfAPair = {'{', 0, '}', 0, '\n', 0, 0x3d, (byte) 0xd8, '\n', 0};

        ApiError error = catchThrowableOfType(ApiError.class,
                () -> UploadText.decode(halfAPair, StandardCharsets.UTF_16LE));

        assertThat(error.details()).containsEntry("line", 2);
    }

    @Test
    void aByteOrderMarkIsDroppedInAnyCharsetAndOnlyAtTheStart() {
        assertThat(UploadText.decode("\uFEFFa\uFEFF".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .isEqualTo("a\uFEFF");
        assertThat(UploadText.decode("\uFEFFa".getBytes(StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE))
                .isEqualTo("a");
    }
}
