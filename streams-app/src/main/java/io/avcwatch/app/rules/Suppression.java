package io.avcwatch.app.rules;

import java.util.List;

/**
 * An operator's decision that a known-benign pattern should not page: keyed on image, comm,
 * target type and permissions only. Category pairs are reused by later containers and container
 * ids change on every restart, so neither may key a suppression.
 *
 * @param rules rule ids it applies to; empty means every rule that may be suppressed
 * @param when the image/comm/target_type/perms condition
 */
public record Suppression(String reason, List<String> rules, Condition when, SourceLocation location) {

    public Suppression {
        rules = List.copyOf(rules);
    }

    /**
     * True when this suppression silences {@code match}. Never for {@code permissive=1} (the
     * access happened) and never for an always-page rule.
     */
    public boolean silences(final RuleMatch match, final Facts facts) {
        if (facts.isPermissive() || match.rule().alwaysPage()) {
            return false;
        }
        return (rules.isEmpty() || rules.contains(match.rule().id())) && when.test(facts);
    }
}
