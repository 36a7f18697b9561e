package dev.incidents.schemas.registry;

/**
 * The schema registry refused a request or could not be reached. Carries what the registry said, so the
 * caller can tell "unknown schema id" (a bad record) from "registry down" (retry later).
 */
public class SchemaRegistryException extends RuntimeException {
    /** {@link #status()} when no HTTP response came back (connection refused, timeout). */
    public static final int NO_RESPONSE = 0;
    /** {@link #errorCode()} when the response had no {@code error_code}. */
    public static final int NO_ERROR_CODE = 0;

    private final int status;
    private final int errorCode;

    public SchemaRegistryException(int status, int errorCode, String message) {
        this(status, errorCode, message, null);
    }

    public SchemaRegistryException(int status, int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** HTTP status, or {@link #NO_RESPONSE}. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code} (40401 subject not found, 40403 schema not found, ...), or {@link #NO_ERROR_CODE}. */
    public int errorCode() {
        return errorCode;
    }

    /** True when the registry answered that the thing asked for does not exist (HTTP 404). */
    public boolean isNotFound() {
        return status == 404;
    }

    /** True when no registry answered at all. */
    public boolean isUnreachable() {
        return status == NO_RESPONSE;
    }
}
