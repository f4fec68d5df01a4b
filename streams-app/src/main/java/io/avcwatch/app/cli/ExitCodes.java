package io.avcwatch.app.cli;

/** Exit codes shared by all subcommands. */
public final class ExitCodes {
    public static final int OK = 0;
    /** Alerts at or above the requested severity were found (analyze --fail-on). */
    public static final int FINDINGS = 1;
    public static final int USER_ERROR = 2;
    public static final int SOFTWARE = 70;

    private ExitCodes() {
    }
}
