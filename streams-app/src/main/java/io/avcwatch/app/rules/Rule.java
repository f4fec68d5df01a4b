package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;
import io.avcwatch.schemas.DenialKind;
import java.util.List;
import java.util.Optional;

/**
 * One detection rule as loaded from a rule file.
 *
 * @param id stable identifier ({@code R3}, {@code H1}); alerts carry it as {@code rule}
 * @param family technique family ({@code api_socket}), for grouping and scoring
 * @param subject what the rule looks at
 * @param match the condition; a rule with no condition never matches
 * @param severity the base severity pair
 * @param overrides conditional severities, first match wins
 * @param alwaysPage never suppressed by a user suppression
 * @param denialKind why SELinux refused, or what changed
 * @param summary a one-line template with {@code {placeholders}} (see {@link SummaryTemplate})
 * @param explanation why it matters, in a sentence or two
 */
public record Rule(
        String id,
        String title,
        String family,
        Subject subject,
        Condition match,
        SeveritySpec severity,
        List<SeverityOverride> overrides,
        List<String> mitre,
        boolean alwaysPage,
        DenialKind denialKind,
        String summary,
        String explanation,
        SourceLocation location) {

    public Rule {
        overrides = List.copyOf(overrides);
        mitre = List.copyOf(mitre);
    }

    /** The match of this rule on {@code facts}, if its condition holds. */
    public Optional<RuleMatch> evaluate(final Facts facts) {
        if (facts.subject() != subject || !match.test(facts)) {
            return Optional.empty();
        }
        for (final SeverityOverride o : overrides) {
            if (o.when().test(facts)) {
                return Optional.of(new RuleMatch(this, o.severity().pick(facts), o.reason()));
            }
        }
        return Optional.of(new RuleMatch(this, severity.pick(facts), null));
    }
}
