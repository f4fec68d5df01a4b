package io.avcwatch.app.rules;

/** The text of one rule file and the name used in error messages (a path or a resource name). */
public record RuleSource(String name, String text) {
}
