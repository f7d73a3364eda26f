package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;

/** One command invocation: its output, its HTTP client (closed at the end) and the credentials it may use. */
final class CliContext {
    private final GlobalOptions options;
    private final CliRuntime runtime;
    private final Output output;
    private HttpTransport transport;

    CliContext(GlobalOptions options, CliRuntime runtime, Output output) {
        this.options = options;
        this.runtime = runtime;
        this.output = output;
    }

    Output output() {
        return output;
    }

    CliRuntime runtime() {
        return runtime;
    }

    /** Runs a command body: a {@link CliFailure} becomes its message on stderr and its exit code. */
    int run(Function<CliContext, Exit> body) {
        try {
            options.validate();
            return body.apply(this).code();
        } catch (CliFailure failure) {
            output.failure(failure);
            return failure.exit().code();
        } finally {
            if (transport != null) {
                transport.close();
            }
        }
    }

    /**
     * For seed 002 protocol commands: a well-formed API key, then the project policy, fetched fresh. No policy, no
     * request: an unreachable or unreadable config fails closed (exit 2); a rejected key is an auth failure (3).
     */
    ProtocolSession protocol() {
        OlyxApi api = api(Optional.of(Credentials.apiKey(options.apiKey())));
        JsonNode config;
        try {
            config = api.get("/api/v1/config");
        } catch (CliFailure failure) {
            if (failure.exit() == Exit.AUTH) {
                throw failure;
            }
            throw CliFailure.policy("cannot fetch the project policy from GET /api/v1/config ("
                    + failure.getMessage() + ")");
        }
        return new ProtocolSession(api, Policy.parse(config));
    }

    /** For control-plane commands (keys, projects, models): the session token from `olyx cli login`. */
    OlyxApi admin() {
        return api(Optional.of(Credentials.sessionToken(options.sessionToken())));
    }

    OlyxApi anonymous() {
        return api(Optional.empty());
    }

    private OlyxApi api(Optional<String> bearer) {
        String url = checkedUrl(options.url());
        if (transport == null) {
            transport = new HttpTransport(url, options.timeout());
        }
        RetryingClient client = new RetryingClient(transport, RetryPolicy.standard(options.retries()), runtime,
                output::note);
        return new OlyxApi(client, url, bearer);
    }

    private String checkedUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw CliFailure.usage("--url is not a URL: " + url);
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getQuery() != null) {
            throw CliFailure.usage("--url must be an http(s) base URL such as " + GlobalOptions.DEFAULT_URL);
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            output.note("warning: credentials go over plain HTTP to " + uri.getHost() + "; use https");
        }
        return url;
    }

    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
