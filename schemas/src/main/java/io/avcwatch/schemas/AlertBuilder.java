package io.avcwatch.schemas;

import java.time.Instant;
import java.util.List;

/** Step-by-step construction of an {@link Alert}; not thread-safe, use once. */
public final class AlertBuilder {

    private String alertId;
    private String rule;
    private String title;
    private Severity severity;
    private List<String> mitre;
    private String host;
    private EventRef event;
    private DenialKind denialKind;
    private String scontext;
    private String tcontext;
    private String tclass;
    private List<String> perms;
    private Boolean permissive;
    private ContainerRef container;
    private List<ContainerRef> candidates;
    private ContainerRef targetContainer;
    private List<ContainerRef> targetCandidates;
    private Long pid;
    private String comm;
    private String exe;
    private String path;
    private long count = 1;
    private Instant firstSeen;
    private Instant lastSeen;
    private String summary;
    private String explanation;
    private AlertSource source;

    AlertBuilder() {
    }

    AlertBuilder(final Alert a) {
        alertId = a.alertId();
        rule = a.rule();
        title = a.title();
        severity = a.severity();
        mitre = a.mitre();
        host = a.host();
        event = a.event();
        denialKind = a.denialKind();
        scontext = a.scontext();
        tcontext = a.tcontext();
        tclass = a.tclass();
        perms = a.perms();
        permissive = a.permissive();
        container = a.container();
        candidates = a.candidates();
        targetContainer = a.targetContainer();
        targetCandidates = a.targetCandidates();
        pid = a.pid();
        comm = a.comm();
        exe = a.exe();
        path = a.path();
        count = a.count();
        firstSeen = a.firstSeen();
        lastSeen = a.lastSeen();
        summary = a.summary();
        explanation = a.explanation();
        source = a.source();
    }

    /**
     * Copies what a denial says about subject, target and container (not rule, severity or text).
     * Source is derived from the denial's provenance.
     */
    public AlertBuilder fromDenial(final AvcDenial d) {
        host = d.host();
        event = d.event();
        scontext = d.scontext() == null ? null : d.scontext().raw();
        tcontext = d.tcontext() == null ? null : d.tcontext().raw();
        tclass = d.tclass();
        perms = d.perms();
        permissive = d.permissive();
        container = d.container();
        candidates = d.candidates();
        targetContainer = d.targetContainer();
        targetCandidates = d.targetCandidates();
        pid = d.pid();
        comm = d.comm();
        exe = d.exe() != null ? d.exe() : d.syscall() == null ? null : d.syscall().exe();
        path = d.path() != null ? d.path() : d.name();
        source = AlertSource.of(d.host(), d.event(), d.source());
        return this;
    }

    public AlertBuilder alertId(final String value) {
        alertId = value;
        return this;
    }

    public AlertBuilder rule(final String value) {
        rule = value;
        return this;
    }

    public AlertBuilder title(final String value) {
        title = value;
        return this;
    }

    public AlertBuilder severity(final Severity value) {
        severity = value;
        return this;
    }

    public AlertBuilder mitre(final List<String> value) {
        mitre = value;
        return this;
    }

    public AlertBuilder host(final String value) {
        host = value;
        return this;
    }

    public AlertBuilder event(final EventRef value) {
        event = value;
        return this;
    }

    public AlertBuilder denialKind(final DenialKind value) {
        denialKind = value;
        return this;
    }

    public AlertBuilder scontext(final String value) {
        scontext = value;
        return this;
    }

    public AlertBuilder tcontext(final String value) {
        tcontext = value;
        return this;
    }

    public AlertBuilder tclass(final String value) {
        tclass = value;
        return this;
    }

    public AlertBuilder perms(final List<String> value) {
        perms = value;
        return this;
    }

    public AlertBuilder permissive(final Boolean value) {
        permissive = value;
        return this;
    }

    public AlertBuilder container(final ContainerRef value) {
        container = value;
        return this;
    }

    public AlertBuilder candidates(final List<ContainerRef> value) {
        candidates = value;
        return this;
    }

    public AlertBuilder targetContainer(final ContainerRef value) {
        targetContainer = value;
        return this;
    }

    public AlertBuilder targetCandidates(final List<ContainerRef> value) {
        targetCandidates = value;
        return this;
    }

    public AlertBuilder pid(final Long value) {
        pid = value;
        return this;
    }

    public AlertBuilder comm(final String value) {
        comm = value;
        return this;
    }

    public AlertBuilder exe(final String value) {
        exe = value;
        return this;
    }

    public AlertBuilder path(final String value) {
        path = value;
        return this;
    }

    public AlertBuilder count(final long value) {
        count = value;
        return this;
    }

    public AlertBuilder firstSeen(final Instant value) {
        firstSeen = value;
        return this;
    }

    public AlertBuilder lastSeen(final Instant value) {
        lastSeen = value;
        return this;
    }

    public AlertBuilder summary(final String value) {
        summary = value;
        return this;
    }

    public AlertBuilder explanation(final String value) {
        explanation = value;
        return this;
    }

    public AlertBuilder source(final AlertSource value) {
        source = value;
        return this;
    }

    /**
     * The alert. Rule, severity, host, event and summary are required; a missing id is derived with
     * {@link Alert#idFor}, missing first/last seen default to the event time, a missing source to the host
     * and serial.
     */
    public Alert build() {
        if (event == null || rule == null || host == null) {
            throw new IllegalStateException("an alert needs rule, host and event");
        }
        final String id = alertId != null ? alertId : Alert.idFor(rule, host, event.timestamp(), event.serial());
        final Instant first = firstSeen != null ? firstSeen : event.time();
        final Instant last = lastSeen != null ? lastSeen : first;
        final AlertSource src = source != null ? source : AlertSource.of(host, event, null);
        return new Alert(id, rule, title, severity, mitre, host, event, denialKind, scontext, tcontext, tclass, perms,
                permissive, container, candidates, targetContainer, targetCandidates, pid, comm, exe, path, count,
                first, last, summary, explanation, src);
    }
}
