package org.actrack;

/**
 * Raised when actrack is given something it cannot use (an object that is not an entity, a blank
 * verb, an id that is too long, an unknown level…) or is misconfigured. Thrown before anything is
 * written. Every message starts with a stable code, for example {@code ACTRACK-103}, that stays the
 * same across versions and can be searched for.
 */
public class ActrackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code the stable code, for example {@code ACTRACK-103}
     * @param message what went wrong, naming the object, the value and the limit
     */
    public ActrackException(String code, String message) {
        super(code + ": " + message);
        this.code = code;
    }

    /**
     * @param code the stable code
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public ActrackException(String code, String message, Throwable cause) {
        super(code + ": " + message, cause);
        this.code = code;
    }

    /** The stable code of the problem, for example {@code ACTRACK-103}. */
    public String code() {
        return code;
    }
}
