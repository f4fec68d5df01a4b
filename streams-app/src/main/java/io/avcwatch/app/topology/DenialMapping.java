package io.avcwatch.app.topology;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.selinux.SecurityContext;
import io.avcwatch.schemas.AvcDenial;
import io.avcwatch.schemas.AvcRecordType;
import io.avcwatch.schemas.AvcResult;
import io.avcwatch.schemas.EventRef;
import io.avcwatch.schemas.MacEvent;
import io.avcwatch.schemas.MacEventKind;
import io.avcwatch.schemas.SelinuxContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one place the topology turns events into denials and MAC events. Interim minimal mapping until the
 * detection step's {@code DenialBuilder} lands on main; then these methods delegate to it.
 */
final class DenialMapping {

    private DenialMapping() {
    }

    /** One denial per AVC, USER_AVC and SELINUX_ERR record of {@code event}. */
    static List<AvcDenial> denials(final AuditEvent event) {
        final List<AvcDenial> out = new ArrayList<>(1);
        for (final AuditRecord record : event.records()) {
            final AvcRecordType type = recordType(record.type());
            if (type == null) {
                continue;
            }
            final String perms = record.value("seperms");
            final String result = record.value("seresult");
            out.add(AvcDenial.builder()
                    .host(event.node() == null ? "" : event.node())
                    .event(EventRef.of(event.id().epochMillis(), event.id().serial()))
                    .recordType(type)
                    .result("denied".equals(result) ? AvcResult.DENIED
                            : "granted".equals(result) ? AvcResult.GRANTED : null)
                    .perms(perms == null ? List.of() : Arrays.asList(perms.split("[ ,]+")))
                    .tclass(record.value("tclass"))
                    .permissive(record.value("permissive") == null ? null : "1".equals(record.value("permissive")))
                    .scontext(context(record.value("scontext")))
                    .tcontext(context(record.value("tcontext")))
                    .comm(record.value("comm"))
                    .build());
        }
        return out;
    }

    /** The MAC state change {@code event} reports, if any. */
    static List<MacEvent> macEvents(final AuditEvent event) {
        for (final AuditRecord record : event.records()) {
            final MacEventKind kind = switch (record.type()) {
                case "MAC_STATUS" -> MacEventKind.MAC_STATUS;
                case "MAC_CONFIG_CHANGE" -> MacEventKind.MAC_CONFIG_CHANGE;
                case "MAC_POLICY_LOAD" -> MacEventKind.MAC_POLICY_LOAD;
                default -> null;
            };
            if (kind != null) {
                return List.of(new MacEvent(event.node() == null ? "" : event.node(),
                        EventRef.of(event.id().epochMillis(), event.id().serial()), kind,
                        flag(record.value("enforcing")), flag(record.value("old_enforcing")), record.value("bool"),
                        flag(record.value("val")), flag(record.value("old_val")), null, null, null, null, null,
                        null, null, null, null, null));
            }
        }
        return List.of();
    }

    private static Boolean flag(final String value) {
        return value == null ? null : "1".equals(value);
    }

    private static AvcRecordType recordType(final String type) {
        return switch (type) {
            case "AVC" -> AvcRecordType.AVC;
            case "USER_AVC" -> AvcRecordType.USER_AVC;
            case "SELINUX_ERR" -> AvcRecordType.SELINUX_ERR;
            default -> null;
        };
    }

    private static SelinuxContext context(final String raw) {
        if (raw == null) {
            return null;
        }
        return SecurityContext.parse(raw)
                .map(c -> new SelinuxContext(raw, c.user(), c.role(), c.type(),
                        c.range() == null ? null : c.range().toString(),
                        c.range() == null ? null : c.range().effective().sensitivity(),
                        c.range() == null ? null : c.categories().toString()))
                .orElse(new SelinuxContext(raw, null, null, null, null, null, null));
    }
}
