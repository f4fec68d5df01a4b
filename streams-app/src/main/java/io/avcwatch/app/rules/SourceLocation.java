package io.avcwatch.app.rules;

/** Where a rule was defined: file name and 1-based line. */
public record SourceLocation(String file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
