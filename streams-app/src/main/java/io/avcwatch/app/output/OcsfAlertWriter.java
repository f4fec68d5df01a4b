package io.avcwatch.app.output;

import io.avcwatch.app.output.MitreAttack.Tactic;
import io.avcwatch.app.output.MitreAttack.Technique;
import io.avcwatch.schemas.Alert;
import io.avcwatch.schemas.ContainerRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * OCSF 1.8.0 Detection Finding events (class_uid 2004, category Findings), one per line. What OCSF
 * has no attribute for (the split SELinux contexts, object class, permissions, audit serial,
 * container candidates) goes under {@code unmapped}, the schema's place for source-specific data.
 */
public final class OcsfAlertWriter implements LineAlertWriter {
    public static final String OCSF_VERSION = "1.8.0";
    static final int CLASS_UID = 2004;
    static final int CATEGORY_UID = 2;
    static final int ACTIVITY_CREATE = 1;
    /** The file object's type_id for a regular file. */
    private static final int REGULAR_FILE = 1;

    private final MitreAttack mitre = MitreAttack.bundled();

    @Override
    public String line(final Alert alert) {
        return SafeJson.line(event(alert).node());
    }

    JsonDoc event(final Alert a) {
        final JsonDoc event = new JsonDoc()
                .put("activity_id", ACTIVITY_CREATE)
                .put("activity_name", "Create")
                .put("category_uid", CATEGORY_UID)
                .put("category_name", "Findings")
                .put("class_uid", CLASS_UID)
                .put("class_name", "Detection Finding")
                .put("type_uid", CLASS_UID * 100L + ACTIVITY_CREATE)
                .put("type_name", "Detection Finding: Create")
                .put("severity_id", Severities.ocsfId(a.severity()))
                .put("severity", Severities.ocsfCaption(a.severity()))
                .put("status_id", 1)
                .put("status", "New")
                .put("is_alert", true)
                .put("time", millis(AlertFacts.eventTime(a)))
                .put("start_time", millis(AlertFacts.firstSeen(a)))
                .put("end_time", millis(AlertFacts.lastSeen(a)))
                .put("count", Math.toIntExact(Math.min(a.count(), Integer.MAX_VALUE)))
                .put("message", a.summary())
                .put("metadata", metadata(a))
                .put("finding_info", findingInfo(a))
                .put("device", new JsonDoc().put("hostname", a.host()).put("name", a.host()).put("type_id", 0)
                        .put("type", "Unknown"))
                .put("unmapped", unmapped(a));
        final JsonDoc process = process(a);
        if (process != null) {
            event.put("actor.process", process);
            event.put("evidences", List.of(new JsonDoc().put("process", process).put("file", file(a.path()))
                    .put("container", container(a.container())).node()));
        } else if (a.path() != null) {
            event.put("evidences", List.of(new JsonDoc().put("file", file(a.path())).node()));
        }
        if (a.targetContainer() != null) {
            event.put("resources", List.of(new JsonDoc().put("uid", a.targetContainer().id())
                    .put("name", a.targetContainer().name()).put("type", "container").node()));
        }
        return event;
    }

    private static long millis(final Instant t) {
        return t.toEpochMilli();
    }

    private static JsonDoc metadata(final Alert a) {
        final String version = OcsfAlertWriter.class.getPackage().getImplementationVersion();
        return new JsonDoc()
                .put("version", OCSF_VERSION)
                .put("uid", a.alertId())
                .put("original_time", a.event().timestamp())
                .put("log_name", "avc.alerts")
                .put("profiles", List.of("host", "container"))
                .put("product", new JsonDoc().put("name", "avcwatch").put("vendor_name", "avcwatch")
                        .put("version", version == null ? "dev" : version));
    }

    private JsonDoc findingInfo(final Alert a) {
        return new JsonDoc()
                .put("uid", a.alertId())
                .put("title", AlertFacts.title(a))
                .put("desc", a.explanation())
                .put("types", List.of(a.rule()))
                .put("first_seen_time", millis(AlertFacts.firstSeen(a)))
                .put("last_seen_time", millis(AlertFacts.lastSeen(a)))
                .put("analytic", new JsonDoc().put("uid", a.rule()).put("name", AlertFacts.title(a)).put("type_id", 1)
                        .put("type", "Rule"))
                .put("attacks", attacks(a.mitre()));
    }

    /** One attack per cited id; a sub-technique also names its technique, every attack its tactics. */
    private List<Object> attacks(final List<String> ids) {
        final List<Object> attacks = new ArrayList<>();
        for (String id : ids) {
            final JsonDoc attack = new JsonDoc();
            mitre.technique(id).ifPresentOrElse(t -> {
                final Technique technique = t.isSubTechnique() ? t.parent() : t;
                attack.put("technique", entity(technique.id(), technique.name(), technique.reference()));
                if (t.isSubTechnique()) {
                    attack.put("sub_technique", entity(t.id(), t.name(), t.reference()));
                }
                final Tactic first = t.tactics().get(0);
                attack.put("tactic", entity(first.id(), first.name(), first.reference()));
                attack.put("tactics", t.tactics().stream()
                        .map(tactic -> entity(tactic.id(), tactic.name(), tactic.reference()).node()).toList());
            }, () -> attack.put("technique", new JsonDoc().put("uid", id)));
            attacks.add(attack.node());
        }
        return attacks;
    }

    private static JsonDoc entity(final String uid, final String name, final String url) {
        return new JsonDoc().put("uid", uid).put("name", name).put("src_url", url);
    }

    private static JsonDoc process(final Alert a) {
        // OCSF's pid is a 32-bit integer_t; a process object needs a pid (or uid/cpid) to be valid.
        if (a.pid() == null || a.pid() < 0 || a.pid() > Integer.MAX_VALUE) {
            return null;
        }
        return new JsonDoc().put("pid", a.pid().intValue()).put("name", a.comm())
                .put("file", file(a.exe())).put("container", container(a.container()));
    }

    private static JsonDoc file(final String path) {
        if (path == null) {
            return null;
        }
        return new JsonDoc().put("name", AlertFacts.fileName(path)).put("path", path.startsWith("/") ? path : null)
                .put("type_id", REGULAR_FILE).put("type", "Regular File");
    }

    /** OCSF's image object requires a uid; the inventory's image reference is the identifier we have. */
    private static JsonDoc container(final ContainerRef c) {
        if (c == null) {
            return null;
        }
        return new JsonDoc().put("uid", c.id()).put("name", c.name())
                .put("image", c.image() == null ? null : new JsonDoc().put("name", c.image()).put("uid", c.image()));
    }

    private static JsonDoc unmapped(final Alert a) {
        final SelinuxContextParts scontext = SelinuxContextParts.parse(a.scontext());
        final SelinuxContextParts tcontext = SelinuxContextParts.parse(a.tcontext());
        return new JsonDoc()
                .put("rule", a.rule())
                .put("severity", a.severity())
                .put("mitre", a.mitre())
                .put("denial_kind", a.denialKind())
                .put("scontext", scontext == null ? null : scontext.toJson())
                .put("tcontext", tcontext == null ? null : tcontext.toJson())
                .put("tclass", a.tclass())
                .put("perms", a.perms())
                .put("permissive", a.permissive())
                .put("audit", new JsonDoc().put("serial", a.event().serial()).put("timestamp", a.event().timestamp()))
                .put("container_candidates", SafeJson.tree(a.candidates()))
                .put("target_container", a.targetContainer() == null ? null : SafeJson.tree(a.targetContainer()))
                .put("target_candidates", SafeJson.tree(a.targetCandidates()))
                .put("source", a.source() == null ? null : SafeJson.tree(a.source()));
    }
}
