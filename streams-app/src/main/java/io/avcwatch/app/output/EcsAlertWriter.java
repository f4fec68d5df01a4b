package io.avcwatch.app.output;

import io.avcwatch.app.output.MitreAttack.Tactic;
import io.avcwatch.app.output.MitreAttack.Technique;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ContainerRef;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Elastic Common Schema 9.4.0 documents, one per line. Every field is an ECS field of the right
 * type (checked against {@code ecs_flat.yml} in the tests) except those under {@code avcwatch.*},
 * the one custom namespace: the split SELinux contexts of subject and target, the object class and
 * permissions, the audit serial, and the container candidates ECS has no place for.
 */
public final class EcsAlertWriter implements LineAlertWriter {
    /** The ECS release whose {@code ecs_flat.yml} the output is validated against. */
    public static final String ECS_VERSION = "9.4.0";
    static final String NAMESPACE = "avcwatch";

    private final MitreAttack mitre = MitreAttack.bundled();

    @Override
    public String line(final Alert alert) {
        return SafeJson.line(document(alert).node());
    }

    JsonDoc document(final Alert a) {
        final boolean stateChange = AlertFacts.isStateChange(a);
        final JsonDoc doc = new JsonDoc()
                .put("@timestamp", AlertFacts.eventTime(a))
                .put("ecs.version", ECS_VERSION)
                .put("message", a.summary())
                .put("event.kind", "alert")
                .put("event.category", List.of(stateChange ? "configuration" : "intrusion_detection"))
                .put("event.type", List.of(stateChange ? "change" : Boolean.TRUE.equals(a.permissive()) ? "allowed" : "denied"))
                .put("event.outcome", outcome(a))
                .put("event.action", a.denialKind() == null ? null : SafeJson.tree(a.denialKind()).asText())
                .put("event.id", a.alertId())
                .put("event.severity", Severities.ecsScore(a.severity()))
                .put("event.risk_score", (double) Severities.ecsScore(a.severity()))
                .put("event.start", AlertFacts.firstSeen(a))
                .put("event.end", AlertFacts.lastSeen(a))
                .put("event.sequence", a.event().serial())
                .put("event.reason", a.explanation())
                .put("event.dataset", "avcwatch.alerts")
                .put("event.module", "avcwatch")
                .put("event.provider", "selinux")
                .put("rule.id", a.rule())
                .put("rule.name", AlertFacts.title(a))
                .put("rule.ruleset", "avcwatch")
                .put("observer.vendor", "avcwatch")
                .put("observer.product", "avcwatch")
                .put("host.name", a.host())
                .put("host.hostname", a.host())
                .put("related.hosts", List.of(a.host()))
                .put("process.pid", a.pid())
                .put("process.name", a.comm())
                .put("process.executable", a.exe())
                .put("log.file.path", a.source() == null ? null : a.source().file());
        putFile(doc, a.path());
        putContainer(doc, a.container());
        putThreat(doc, a.mitre());
        putCustom(doc, a);
        return doc;
    }

    private static String outcome(final Alert a) {
        if (AlertFacts.isStateChange(a) || Boolean.TRUE.equals(a.permissive())) {
            return "success";
        }
        return Boolean.FALSE.equals(a.permissive()) ? "failure" : "unknown";
    }

    private static void putFile(final JsonDoc doc, final String path) {
        if (path == null) {
            return;
        }
        doc.put("file.name", AlertFacts.fileName(path));
        if (path.startsWith("/")) {
            doc.put("file.path", path);
        }
    }

    private static void putContainer(final JsonDoc doc, final ContainerRef c) {
        if (c != null) {
            doc.put("container.id", c.id()).put("container.name", c.name()).put("container.image.name", c.image());
        }
    }

    /** ECS keeps technique and sub-technique apart; tactics follow from the techniques. */
    private void putThreat(final JsonDoc doc, final List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        final Set<Technique> techniques = new LinkedHashSet<>();
        final Set<Technique> subTechniques = new LinkedHashSet<>();
        final Set<Tactic> tactics = new LinkedHashSet<>();
        final List<String> unknown = new ArrayList<>();
        for (String id : ids) {
            mitre.technique(id).ifPresentOrElse(t -> {
                (t.isSubTechnique() ? subTechniques : techniques).add(t);
                if (t.isSubTechnique()) {
                    techniques.add(t.parent());
                }
                tactics.addAll(t.tactics());
            }, () -> unknown.add(id));
        }
        doc.put("threat.framework", "MITRE ATT&CK");
        final List<String> techniqueIds = new ArrayList<>(techniques.stream().map(Technique::id).toList());
        techniqueIds.addAll(unknown);
        doc.put("threat.technique.id", techniqueIds)
                .put("threat.technique.name", techniques.stream().map(Technique::name).toList())
                .put("threat.technique.reference", techniques.stream().map(Technique::reference).toList())
                .put("threat.technique.subtechnique.id", subTechniques.stream().map(Technique::id).toList())
                .put("threat.technique.subtechnique.name", subTechniques.stream().map(Technique::name).toList())
                .put("threat.technique.subtechnique.reference", subTechniques.stream().map(Technique::reference).toList())
                .put("threat.tactic.id", tactics.stream().map(Tactic::id).toList())
                .put("threat.tactic.name", tactics.stream().map(Tactic::name).toList())
                .put("threat.tactic.reference", tactics.stream().map(Tactic::reference).toList());
    }

    private static void putCustom(final JsonDoc doc, final Alert a) {
        final String ns = NAMESPACE + ".";
        final SelinuxContextParts scontext = SelinuxContextParts.parse(a.scontext());
        final SelinuxContextParts tcontext = SelinuxContextParts.parse(a.tcontext());
        doc.put(ns + "scontext", scontext == null ? null : scontext.toJson())
                .put(ns + "tcontext", tcontext == null ? null : tcontext.toJson())
                .put(ns + "tclass", a.tclass())
                .put(ns + "perms", a.perms())
                .put(ns + "permissive", a.permissive())
                .put(ns + "denial_kind", a.denialKind())
                .put(ns + "severity", a.severity())
                .put(ns + "mitre", a.mitre())
                .put(ns + "count", a.count())
                .put(ns + "audit.serial", a.event().serial())
                .put(ns + "audit.timestamp", a.event().timestamp())
                .put(ns + "container_candidates", SafeJson.tree(a.candidates()))
                .put(ns + "target_container", a.targetContainer() == null ? null : SafeJson.tree(a.targetContainer()))
                .put(ns + "target_candidates", SafeJson.tree(a.targetCandidates()));
        if (a.source() != null) {
            doc.put(ns + "source.file", a.source().file()).put(ns + "source.inode", a.source().inode())
                    .put(ns + "source.offset", a.source().offset());
        }
    }
}
