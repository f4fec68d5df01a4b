package io.avcwatch.app.rules;

/**
 * A problem in a rule file, located by file and 1-based line and column (0 when the problem has
 * no position, such as an unreadable file). Printed as {@code file:line:column: message}.
 */
public record RuleFileError(String file, int line, int column, String message) {

    @Override
    public String toString() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
