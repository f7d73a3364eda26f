package io.olyx.domain.account;

import io.olyx.domain.common.Characters;
import io.olyx.domain.common.InvalidInput;
import io.olyx.domain.common.JsonValues;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** A person (or script) that logs in to the control plane with a login key. */
public record Account(AccountId id, String name, String email, Role role, boolean disabled,
                      Map<String, Object> parameters, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 200;

    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(createdAt, "createdAt");
        InvalidInput.require(name != null && !name.isBlank() && Characters.count(name) <= MAX_NAME_LENGTH, "name",
                "name must be 1 to " + MAX_NAME_LENGTH + " characters");
        email = email == null ? "" : email.trim();
        InvalidInput.require(Characters.count(email) <= 320 && (email.isEmpty() || email.contains("@")), "email",
                "email must be a valid address");
        parameters = JsonValues.freezeObject(parameters == null ? Map.of() : parameters);
    }

    public Account withParameters(String newName, Map<String, Object> newParameters) {
        return new Account(id, newName, email, role, disabled, newParameters, createdAt);
    }

    public Account withRoleAndState(Role newRole, boolean nowDisabled) {
        return new Account(id, name, email, newRole, nowDisabled, parameters, createdAt);
    }
}
