package io.olyx.domain.llm;

import java.util.Optional;

/** AWS credentials for SigV4 signing; the session token is there for temporary (STS) credentials. */
public record AwsCredentials(String accessKeyId, String secretAccessKey, Optional<String> sessionToken) {

    public AwsCredentials {
        if (accessKeyId == null || accessKeyId.isBlank() || secretAccessKey == null || secretAccessKey.isBlank()) {
            throw new IllegalArgumentException("AWS credentials need an access key id and a secret access key");
        }
        sessionToken = sessionToken == null ? Optional.empty() : sessionToken.filter(t -> !t.isBlank());
    }

    /** Never prints the secret or the token. */
    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***"
                + (sessionToken.isPresent() ? ", sessionToken=***" : "") + "]";
    }
}
