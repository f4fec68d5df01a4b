package io.avcwatch.schemas;

import java.util.Map;
import java.util.Objects;

/**
 * An SELinux state change (enforcing mode, boolean, policy load) on its way to detection; one per
 * MAC_* record. Setting several booleans at once gives one event per boolean.
 *
 * <p>Schema: {@code io/avcwatch/schemas/v1/mac-event.schema.json}; topic {@code avc.mac-events}.
 *
 * @param host          the audit node or tailer host
 * @param event         the event this record belongs to
 * @param kind          which change
 * @param enforcing     MAC_STATUS: the new mode (true = enforcing); else null
 * @param oldEnforcing  MAC_STATUS: the previous mode; else null
 * @param bool          MAC_CONFIG_CHANGE: the boolean's name ({@code container_manage_cgroup}); else null
 * @param val           MAC_CONFIG_CHANGE: the new value; else null
 * @param oldVal        MAC_CONFIG_CHANGE: the previous value; else null
 * @param auid          login uid of whoever made the change
 * @param ses           audit session id
 * @param pid           process id, when the record or SYSCALL gives one
 * @param uid           user id, when known
 * @param subj          subject context of the process that made the change, raw
 * @param comm          command name from the event's SYSCALL ({@code setenforce})
 * @param exe           executable from the event's SYSCALL ({@code /usr/sbin/setenforce})
 * @param res           whether the change took effect ({@code res=1}); null when absent
 * @param fields        every other field of the record, raw
 * @param source        where the record was read, or null
 */
public record MacEvent(String host, EventRef event, MacEventKind kind, Boolean enforcing, Boolean oldEnforcing,
                       String bool, Boolean val, Boolean oldVal, Long auid, Long ses, Long pid, Long uid, String subj,
                       String comm, String exe, Boolean res, Map<String, String> fields, SourcePosition source) {

    public MacEvent {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(kind, "kind");
        fields = Copies.sortedMap(fields);
    }

    /** Whether this change weakens SELinux: permissive mode, or a boolean switched on. */
    public boolean weakens() {
        if (kind == MacEventKind.MAC_STATUS) {
            return Boolean.FALSE.equals(enforcing);
        }
        return kind == MacEventKind.MAC_CONFIG_CHANGE && Boolean.TRUE.equals(val) && !Boolean.TRUE.equals(oldVal);
    }
}
