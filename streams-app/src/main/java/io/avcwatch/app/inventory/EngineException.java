package io.avcwatch.app.inventory;

/** The engine socket is unreachable or answered something other than the Engine API expects. */
public final class EngineException extends Exception {
    private static final long serialVersionUID = 1L;

    public EngineException(final String message) {
        super(message);
    }

    public EngineException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
