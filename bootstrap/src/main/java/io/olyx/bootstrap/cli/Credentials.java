package io.olyx.bootstrap.cli;

import java.util.Optional;
import java.util.regex.Pattern;

/** Checks credentials before anything is sent: without a well-formed API key the CLI cannot know project policy. */
final class Credentials {
    private static final Pattern API_KEY = Pattern.compile("ak_[A-Za-z0-9]+\\.[A-Za-z0-9]+");
    private static final Pattern TOKEN = Pattern.compile("\\p{Graph}{1,4096}");

    private Credentials() {
    }

    static String apiKey(Optional<String> key) {
        String value = key.map(String::strip).filter(k -> !k.isEmpty()).orElseThrow(() ->
                CliFailure.policy("no API key: pass --api-key or set OLYX_API_KEY"));
        if (!API_KEY.matcher(value).matches()) {
            throw CliFailure.policy("the API key is malformed (expected ak_<key_id>.<secret>)");
        }
        return value;
    }

    static String sessionToken(Optional<String> token) {
        String value = token.map(String::strip).filter(t -> !t.isEmpty()).orElseThrow(() -> new CliFailure(Exit.AUTH,
                "no session token: run `olyx cli login`, then pass --session-token or set OLYX_SESSION_TOKEN"));
        if (!TOKEN.matcher(value).matches()) {
            throw new CliFailure(Exit.AUTH, "the session token is malformed");
        }
        return value;
    }
}
