package io.avcwatch.app.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded rules with their named sets and the risky-boolean table. Evaluation is a pure
 * function of the {@link Facts}: no clock, no I/O, no Kafka.
 *
 * <p>One input can match several rules. {@link #evaluate} returns them all, most severe first
 * and, at equal severity, in declaration order (built-in files list the specific rules before the
 * generic ones), so {@link #best} is the one alert a record deserves.
 */
public record RuleSet(List<Rule> rules, Map<String, NameSet> sets, RiskyBooleans booleans,
                      List<Suppression> suppressions) {

    /** The set of confined container process domains (container-domains.yaml). */
    public static final String CONTAINER_DOMAINS = "container_domains";

    public RuleSet {
        rules = List.copyOf(rules);
        sets = Map.copyOf(sets);
        suppressions = List.copyOf(suppressions);
    }

    public List<RuleMatch> evaluate(final Facts facts) {
        final List<RuleMatch> out = new ArrayList<>();
        for (final Rule r : rules) {
            r.evaluate(facts).ifPresent(out::add);
        }
        // Severity is declared most severe first; the sort is stable, so ties keep declaration order
        out.sort(Comparator.comparing(RuleMatch::severity));
        return out;
    }

    public Optional<RuleMatch> best(final Facts facts) {
        final List<RuleMatch> all = evaluate(facts);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** The first suppression that silences {@code match}, if any. */
    public Optional<Suppression> suppressionFor(final RuleMatch match, final Facts facts) {
        return suppressions.stream().filter(s -> s.silences(match, facts)).findFirst();
    }

    public Optional<Rule> rule(final String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    public Optional<NameSet> set(final String name) {
        return Optional.ofNullable(sets.get(name));
    }

    /** True for a confined container process type (not {@code spc_t}, not the engine). */
    public boolean isContainerDomain(final String type) {
        final NameSet c = sets.get(CONTAINER_DOMAINS);
        return c != null && c.contains(type);
    }
}
