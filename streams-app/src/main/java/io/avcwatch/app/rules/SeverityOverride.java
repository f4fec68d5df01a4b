package io.avcwatch.app.rules;

/**
 * A rule's conditional severity: the first override whose condition holds replaces the rule's
 * base severity. Built-in rules use it for the noise table (systemd {@code mounton proc_t}) and
 * for escalation on sensitive targets.
 */
public record SeverityOverride(Condition when, SeveritySpec severity, String reason) {
}
