package io.olyx.adapter.http.account;

import io.olyx.domain.account.Account;
import io.olyx.domain.account.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The AIVAX account shape (camelCase), plus Olyx's role. A self-hosted install has no plan limits: plan is Max. */
final class AccountJson {
    private AccountJson() {
    }

    static Map<String, Object> of(Account a) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", a.id().toString());
        json.put("name", a.name());
        json.put("email", a.email());
        json.put("emailSha256", sha256(a.email().toLowerCase(Locale.ROOT)));
        json.put("plan", "Max");
        json.put("isAdmin", a.role().atLeast(Role.ADMIN));
        json.put("role", a.role().wire());
        json.put("disabled", a.disabled());
        json.put("parameters", a.parameters());
        json.put("createdAt", a.createdAt().toString());
        return json;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
