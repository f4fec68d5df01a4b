package io.avcwatch.app.observe;

/**
 * An interactive query cannot be answered right now: the store is migrating or restoring, or the instance
 * that owns the key did not answer. The HTTP API maps it to 503, so a client retries.
 */
public final class QueryUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why, in one line fit for an HTTP error body. */
    public QueryUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
