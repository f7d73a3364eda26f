package io.olyx.adapter.providers.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import io.olyx.domain.llm.AwsCredentials;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Signs every request of AWS's published SigV4 test suite (src/test/resources/aws-sig-v4-test-suite) and compares
 * the canonical request, the string to sign and the Authorization header with the published ones, byte for byte.
 */
class SigV4SignerTest {
    private static final AwsCredentials CREDENTIALS = new AwsCredentials("AKIDEXAMPLE",
            "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", Optional.empty());
    private static final String SESSION_TOKEN = "AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWL"
            + "WsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburED"
            + "y0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDr"
            + "ypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==";

    static Stream<String> cases() throws IOException, URISyntaxException {
        URL root = SigV4SignerTest.class.getResource("/aws-sig-v4-test-suite");
        try (Stream<Path> dirs = Files.list(Path.of(root.toURI()))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @Test
    void theWholeSuiteIsThere() throws Exception {
        assertThat(cases().count()).isEqualTo(31);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reproducesThePublishedSignature(String name) throws Exception {
        Path dir = Path.of(SigV4SignerTest.class.getResource("/aws-sig-v4-test-suite/" + name).toURI());
        ParsedRequest request = ParsedRequest.parse(read(dir, name + ".req"));
        String amzDate = request.header("X-Amz-Date");

        SigV4Signer.Signature signature = SigV4Signer.sign(request.method, request.path, request.query,
                request.headers, SigV4Signer.sha256Hex(request.body.getBytes(StandardCharsets.UTF_8)),
                request.headers.stream().anyMatch(h -> h.name().equalsIgnoreCase("X-Amz-Security-Token"))
                        ? new AwsCredentials(CREDENTIALS.accessKeyId(), CREDENTIALS.secretAccessKey(),
                        Optional.of(SESSION_TOKEN)) : CREDENTIALS,
                "us-east-1", "service", amzDate);

        assertThat(signature.canonicalRequest()).isEqualTo(read(dir, name + ".creq"));
        assertThat(signature.stringToSign()).isEqualTo(read(dir, name + ".sts"));
        assertThat(signature.authorization()).isEqualTo(read(dir, name + ".authz"));
    }

    @Test
    void encodesAnAlreadyEncodedBedrockModelIdAgain() {
        assertThat(SigV4Signer.canonicalUri("/model/amazon.titan-embed-text-v2%3A0/invoke"))
                .isEqualTo("/model/amazon.titan-embed-text-v2%253A0/invoke");
    }

    private static String read(Path dir, String file) throws IOException {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
    }

    /** The suite's .req files: request line, headers (indented lines continue a value), blank line, body. */
    private record ParsedRequest(String method, String path, String query, List<SigV4Signer.Header> headers,
                                 String body) {
        static ParsedRequest parse(String text) {
            String[] lines = text.split("\n", -1);
            String requestLine = lines[0];
            String method = requestLine.substring(0, requestLine.indexOf(' '));
            String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(" HTTP/"));
            int q = target.indexOf('?');
            String path = q < 0 ? target : target.substring(0, q);
            String query = q < 0 ? "" : target.substring(q + 1);
            List<SigV4Signer.Header> headers = new ArrayList<>();
            int i = 1;
            for (; i < lines.length && !lines[i].isEmpty(); i++) {
                String line = lines[i];
                if (Character.isWhitespace(line.charAt(0))) {
                    SigV4Signer.Header previous = headers.get(headers.size() - 1);
                    headers.add(new SigV4Signer.Header(previous.name(), line.strip()));
                    continue;
                }
                int colon = line.indexOf(':');
                headers.add(new SigV4Signer.Header(line.substring(0, colon), line.substring(colon + 1)));
            }
            StringBuilder body = new StringBuilder();
            for (int j = i + 1; j < lines.length; j++) {
                body.append(j > i + 1 ? "\n" : "").append(lines[j]);
            }
            return new ParsedRequest(method, path, query, headers, body.toString());
        }

        String header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).findFirst().orElseThrow().value();
        }
    }
}
