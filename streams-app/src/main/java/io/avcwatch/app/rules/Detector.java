package io.avcwatch.app.rules;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.AvcRecordType;
import io.avcwatch.schemas.AvcResult;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.MacEventKind;
import io.avcwatch.schemas.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detection entry point: denials, SELinux state changes and inventory entries in, alerts out.
 * Pure and clock-free (time comes from the events), no Kafka: the Streams app keeps the
 * {@link HostState} per host in a store and passes it in, and feeds the alerts to the
 * {@link StormAggregator}.
 *
 * <p>Each denial record yields at most one alert: the most severe matching rule, ties going to
 * the more specific rule (declaration order). A suppressed match is still returned, at
 * {@code info}, so suppressions stay visible.
 */
public final class Detector {
    private final RuleSet rules;

    public Detector(final RuleSet rules) {
        this.rules = rules;
    }

    /** A detector over the built-in rules. */
    public static Detector builtIn() {
        return new Detector(RuleLoader.builtIn());
    }

    public RuleSet rules() {
        return rules;
    }

    /**
     * The alert for one denial record, if a rule matches.
     *
     * @param host the host's SELinux state before this denial (never null; use {@link HostState#unknown})
     * @param container the inventory entry of the attributed container, or null when unknown or ambiguous
     */
    public Optional<Alert> onDenial(final AvcDenial denial, final HostState host, final ContainerInstance container) {
        final ContainerFacts cf = container == null ? null : FactsFrom.container(container);
        final Facts facts = FactsFrom.denial(denial, host, cf);
        return rules.best(facts).map(match -> AlertFactory.forDenial(denial, facts, applySuppression(match, facts)));
    }

    /** {@link #onDenial(AvcDenial, HostState, ContainerInstance)} without inventory facts. */
    public Optional<Alert> onDenial(final AvcDenial denial, final HostState host) {
        return onDenial(denial, host, null);
    }

    /**
     * The host's state after {@code denial} (see {@link HostState#withEnforcedDenial}); the same
     * state when the denial says nothing about the mode. Call it after {@link #onDenial} and keep
     * the result, as for {@link #onMacEvent}.
     */
    public HostState hostStateAfter(final AvcDenial denial, final HostState before) {
        final HostState state = before == null ? HostState.unknown(denial.host()) : before;
        if (denial.recordType() != AvcRecordType.AVC || !Boolean.FALSE.equals(denial.permissive())
                || denial.result() != AvcResult.DENIED || denial.event() == null) {
            return state;
        }
        return state.withEnforcedDenial(denial.event().time().toEpochMilli(), denial.event().serial());
    }

    /**
     * The alert for a state change (if any) and the host's state after it: a MAC_STATUS updates
     * the enforcing mode that H4 compares permissive denials with.
     */
    public MacOutcome onMacEvent(final MacEvent event, final HostState host) {
        HostState next = host == null ? HostState.unknown(event.host()) : host;
        if (event.kind() == MacEventKind.MAC_STATUS && event.enforcing() != null) {
            next = next.withMode(event.enforcing(), event.event().time().toEpochMilli(), event.event().serial());
        }
        final Facts facts = FactsFrom.macEvent(event, host);
        final Optional<Alert> alert = rules.best(facts)
                .map(match -> AlertFactory.forMacEvent(event, applySuppression(match, facts)));
        return new MacOutcome(alert, next);
    }

    /** The result of a state change: at most one alert, and the host's new state. */
    public record MacOutcome(Optional<Alert> alert, HostState hostState) {
    }

    /**
     * Alerts for the containers of an inventory entry that run without SELinux separation (H6) or
     * on the host network (R15). Keyed by container start, so re-reading the same inventory gives
     * the same alert ids.
     */
    public List<Alert> onContainer(final ContainerLabel label) {
        final List<Alert> out = new ArrayList<>();
        for (final ContainerInstance c : label.containers()) {
            final Facts facts = Facts.container(FactsFrom.container(c));
            rules.best(facts).ifPresent(match -> out.add(AlertFactory.forContainer(label.host(), c,
                    eventOf(c), applySuppression(match, facts))));
        }
        return List.copyOf(out);
    }

    private static EventRef eventOf(final ContainerInstance c) {
        final Instant t = c.startedAt() == null ? Instant.EPOCH : c.startedAt();
        return EventRef.of(t.toEpochMilli(), 0L);
    }

    private RuleMatch applySuppression(final RuleMatch match, final Facts facts) {
        return rules.suppressionFor(match, facts)
                .map(s -> new RuleMatch(match.rule(), Severity.INFO, "suppressed: " + s.reason() + " (" + s.location() + ")"))
                .orElse(match);
    }
}
