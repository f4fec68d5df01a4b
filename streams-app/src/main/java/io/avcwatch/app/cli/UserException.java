package io.avcwatch.app.cli;

/** A mistake the user can fix (missing file, bad option value); printed as one line, no stack trace. */
public final class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserException(final String message) {
        super(message);
    }

    public UserException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
