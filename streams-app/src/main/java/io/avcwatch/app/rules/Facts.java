package io.avcwatch.app.rules;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a rule condition may test, flattened from a denial, a host state change or an
 * inventory entry. Absent facts are null (or empty collections); conditions on an absent fact
 * do not match.
 *
 * @param subject which kind of input this is
 * @param recordType AVC, USER_AVC, SELINUX_ERR, MAC_STATUS, MAC_CONFIG_CHANGE, MAC_POLICY_LOAD
 * @param verdict {@code denied} or {@code granted}; null when the record has none
 * @param scat the source's effective (high-level) categories, empty for {@code s0}
 * @param tcat the target's effective categories
 * @param permissive the record's flag; null when the record has no {@code permissive=} field
 * @param paths names from the event's PATH records
 * @param fields other key/values: AVC extras ({@code kmod}, {@code capability}) or the state
 *     change's values ({@code enforcing}, {@code bool}, {@code val}, ...)
 * @param container the attributed container's inventory facts, or null when unknown
 * @param hostEnforcing the host's last reported enforcing mode, or null when never seen
 */
public record Facts(
        Subject subject,
        String recordType,
        String verdict,
        String stype,
        String ttype,
        Set<Integer> scat,
        Set<Integer> tcat,
        String tclass,
        List<String> perms,
        Boolean permissive,
        String comm,
        String exe,
        String path,
        String name,
        String cwd,
        List<String> paths,
        Map<String, String> fields,
        ContainerFacts container,
        Boolean hostEnforcing) {

    public Facts {
        scat = scat == null ? Set.of() : Set.copyOf(scat);
        tcat = tcat == null ? Set.of() : Set.copyOf(tcat);
        perms = perms == null ? List.of() : List.copyOf(perms);
        paths = paths == null ? List.of() : List.copyOf(paths);
        fields = fields == null ? Map.of() : Map.copyOf(fields);
    }

    public boolean isPermissive() {
        return Boolean.TRUE.equals(permissive);
    }

    /** Facts for a host state change; {@code values} holds the record's fields. */
    public static Facts macEvent(final String recordType, final Map<String, String> values,
                                 final Boolean hostEnforcing) {
        return new Facts(Subject.MAC_EVENT, recordType, null, null, null, null, null, null, null,
                null, values.get("comm"), values.get("exe"), null, null, null, null, values, null,
                hostEnforcing);
    }

    /** Facts for an inventory entry. */
    public static Facts container(final ContainerFacts container) {
        return new Facts(Subject.CONTAINER, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, container, null);
    }
}
