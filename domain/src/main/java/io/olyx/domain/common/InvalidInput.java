package io.olyx.domain.common;

/**
 * A value broke one of the rules the domain enforces on it. Thrown from compact constructors and factories;
 * the HTTP edge turns it into a 422 with this message, so messages are written for the API's users.
 */
public final class InvalidInput extends IllegalArgumentException {
    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public static void require(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidInput(field, message);
        }
    }

    /** A name stored in a column of {@code maxLength} characters: a string, not blank, that fits. */
    public static void requireName(Object value, int maxLength, String field) {
        require(value instanceof String name && !name.isBlank() && Characters.count(name) <= maxLength, field,
                field + " must be a name of 1 to " + maxLength + " characters");
    }
}
