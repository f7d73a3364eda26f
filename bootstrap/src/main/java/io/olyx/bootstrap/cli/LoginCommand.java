package io.olyx.bootstrap.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "login", description = {"Log in (POST /api/v1/auth/login) and print the session token.",
        "The token is for keys/projects/models: export OLYX_SESSION_TOKEN=$(olyx cli login)"})
final class LoginCommand extends ApiCommand {
    @Option(names = "--login-key", paramLabel = "KEY", description = "the account's login key (default: $OLYX_LOGIN_KEY)")
    String loginKey;

    @Override
    Exit run(CliContext cli) {
        String key = Optional.ofNullable(loginKey)
                .or(() -> Optional.ofNullable(cli.runtime().env().get("OLYX_LOGIN_KEY")))
                .filter(k -> !k.isBlank())
                .orElseThrow(() -> CliFailure.usage("no login key: pass --login-key or set OLYX_LOGIN_KEY"));
        JsonNode session;
        try {
            session = cli.anonymous().post("/api/v1/auth/login", Map.of("loginKey", key), Optional.empty());
        } catch (CliFailure failure) {
            // the AIVAX seed answers a wrong login key with 400; for a script that is an authentication failure
            throw failure.exit() == Exit.REJECTED ? new CliFailure(Exit.AUTH, failure.getMessage(),
                    failure.errorBody()) : failure;
        }
        cli.output().result(session, out -> out.println(session.path("accessToken").asText()));
        return Exit.OK;
    }
}
