package io.avcwatch.schemas;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Why SELinux said no (or what changed), as an alert classifies it. */
public enum DenialKind {
    /** The type enforcement rules do not allow the access ({@code container_t} to {@code shadow_t}). */
    @JsonProperty("type_enforcement") TYPE_ENFORCEMENT,
    /** Types allow it but MCS categories differ: one container touching another's files. */
    @JsonProperty("mcs_constraint") MCS_CONSTRAINT,
    /** Another constraint (RBAC, user, MLS) refused it. */
    @JsonProperty("constraint") CONSTRAINT,
    /** A typebounds or transition violation reported by SELINUX_ERR. */
    @JsonProperty("bounds") BOUNDS,
    /** SELinux itself was weakened: permissive mode, a boolean, a policy load. */
    @JsonProperty("state_change") STATE_CHANGE,
    /** Anything else, including kinds added by a newer producer. */
    @JsonEnumDefaultValue @JsonProperty("other") OTHER
}
