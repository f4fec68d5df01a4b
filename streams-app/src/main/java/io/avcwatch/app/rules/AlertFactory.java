package io.avcwatch.app.rules;

import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.AlertSource;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.DenialKind;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.MacEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the alert JSON record for a rule match: ids, contexts, summary and explanation. */
final class AlertFactory {
    private AlertFactory() {
    }

    static Alert forDenial(final AvcDenial d, final Facts facts, final RuleMatch match) {
        final Rule rule = match.rule();
        final Map<String, String> v = new HashMap<>(facts.fields());
        v.put("container", SummaryTemplate.containerPhrase(d.container(), d.candidates(),
                d.scontext() == null ? null : d.scontext().type() + ":" + d.scontext().level()));
        v.put("comm", d.comm());
        v.put("pid", d.pid() == null ? null : String.valueOf(d.pid()));
        v.put("perms", String.join(" ", d.perms()));
        v.put("tclass", d.tclass());
        v.put("stype", facts.stype());
        v.put("ttype", facts.ttype());
        v.put("target", target(d, facts));
        v.put("host", d.host());
        return Alert.builder()
                .fromDenial(d)
                .alertId(Alert.idFor(rule.id(), d.host(), d.event().timestamp(), d.event().serial()))
                .rule(rule.id())
                .title(rule.title())
                .severity(match.severity())
                .mitre(rule.mitre())
                .denialKind(rule.denialKind())
                .path(target(d, facts))
                .count(1)
                .summary(SummaryTemplate.fill(rule.summary(), v))
                .permissive(facts.permissive())
                .explanation(explanation(rule, match, facts.permissive()))
                .build();
    }

    static Alert forMacEvent(final MacEvent e, final RuleMatch match) {
        final Rule rule = match.rule();
        final Map<String, String> v = new HashMap<>(e.fields());
        v.put("host", e.host());
        v.put("bool", e.bool());
        v.put("val", e.val() == null ? null : e.val() ? "1" : "0");
        v.put("old_val", e.oldVal() == null ? null : e.oldVal() ? "1" : "0");
        v.put("actor", actor(e));
        v.put("comm", e.comm());
        return Alert.builder()
                .host(e.host())
                .event(e.event())
                .alertId(Alert.idFor(rule.id(), e.host(), e.event().timestamp(), e.event().serial()))
                .rule(rule.id())
                .title(rule.title())
                .severity(match.severity())
                .mitre(rule.mitre())
                .denialKind(rule.denialKind())
                .scontext(e.subj())
                .pid(e.pid())
                .comm(e.comm())
                .exe(e.exe())
                .count(1)
                .summary(SummaryTemplate.fill(rule.summary(), v))
                .explanation(explanation(rule, match, null))
                .source(AlertSource.of(e.host(), e.event(), e.source()))
                .build();
    }

    static Alert forContainer(final String host, final ContainerInstance c, final EventRef event,
                              final RuleMatch match) {
        final Rule rule = match.rule();
        final ContainerFacts cf = FactsFrom.container(c);
        final Map<String, String> v = new HashMap<>();
        v.put("container", SummaryTemplate.containerPhrase(c.ref(), List.of(), null));
        v.put("why", why(cf));
        v.put("host", host);
        return Alert.builder()
                .host(host)
                .event(event)
                .alertId(Alert.idFor(rule.id() + "/" + c.id(), host, event.timestamp(), event.serial()))
                .rule(rule.id())
                .title(rule.title())
                .severity(match.severity())
                .mitre(rule.mitre())
                .denialKind(rule.denialKind() == null ? DenialKind.STATE_CHANGE : rule.denialKind())
                .scontext(c.processLabel() == null || c.processLabel().isEmpty() ? null : c.processLabel())
                .container(c.ref())
                .count(1)
                .summary(SummaryTemplate.fill(rule.summary(), v))
                .explanation(explanation(rule, match, null))
                .build();
    }

    private static String target(final AvcDenial d, final Facts facts) {
        if (d.path() != null) {
            return d.path();
        }
        for (final String p : facts.paths()) {
            if (p.startsWith("/")) {
                return p;
            }
        }
        if (d.name() != null) {
            return d.name();
        }
        return facts.paths().isEmpty() ? null : facts.paths().get(0);
    }

    private static String actor(final MacEvent e) {
        final String who = e.auid() == null || e.auid() == 4294967295L ? "an unattributed process" : "auid " + e.auid();
        final String what = e.exe() != null ? e.exe() : e.comm();
        return what == null ? who : who + " (" + what + ")";
    }

    private static String why(final ContainerFacts c) {
        final List<String> parts = new ArrayList<>();
        if (c.privileged()) {
            parts.add("privileged");
        }
        if (c.labelDisabled()) {
            parts.add("SELinux label disabled");
        }
        if (c.hostPid()) {
            parts.add("host PID namespace");
        }
        if (c.hostIpc()) {
            parts.add("host IPC namespace");
        }
        if (c.mountsHostRoot()) {
            parts.add("host / mounted");
        }
        return parts.isEmpty() ? "unconfined" : String.join(", ", parts);
    }

    private static String explanation(final Rule rule, final RuleMatch match, final Boolean permissive) {
        final StringBuilder s = new StringBuilder(rule.explanation());
        if (rule.denialKind() == DenialKind.MCS_CONSTRAINT) {
            s.append(" Kind: MCS constraint (the types allow it, the categories do not).");
        } else if (rule.denialKind() == DenialKind.TYPE_ENFORCEMENT) {
            s.append(" Kind: type enforcement (the policy has no allow rule for this access).");
        }
        if (Boolean.TRUE.equals(permissive)) {
            s.append(" permissive=1: the access was logged but NOT blocked.");
        }
        if (match.reason() != null) {
            s.append(" Severity ").append(match.severity().label()).append(": ").append(match.reason()).append('.');
        }
        return s.toString();
    }
}
