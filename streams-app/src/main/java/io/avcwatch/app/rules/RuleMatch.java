package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;

/**
 * A rule that matched, with the severity it settled on and, when an override decided it, why.
 */
public record RuleMatch(Rule rule, Severity severity, String reason) {
}
