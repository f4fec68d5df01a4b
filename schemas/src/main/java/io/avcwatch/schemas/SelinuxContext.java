package io.avcwatch.schemas;

import java.util.Objects;

/**
 * An SELinux security context split into its parts, as SIEMs (ECS, OCSF) want it.
 *
 * @param raw           the context exactly as audit printed it ({@code system_u:system_r:container_t:s0:c170,c393})
 * @param user          SELinux user ({@code system_u})
 * @param role          role ({@code system_r}, {@code object_r})
 * @param type          type/domain ({@code container_t})
 * @param level         the MLS/MCS level or range as printed ({@code s0:c170,c393}, {@code s0-s0:c0.c1023}); null if absent
 * @param sensitivity   the effective (high) sensitivity ({@code s0}); null if no level
 * @param categories    the effective categories in canonical form ({@code c170,c393}, {@code c0.c1023});
 *                      empty string when the level has none, null if no level
 */
public record SelinuxContext(String raw, String user, String role, String type, String level,
                             String sensitivity, String categories) {

    public SelinuxContext {
        Objects.requireNonNull(raw, "raw");
    }
}
