package io.avcwatch.schemas;

/** SELinux state changes that weaken (or restore) every container at once. */
public enum MacEventKind {
    /** Enforcing mode changed ({@code setenforce}). */
    MAC_STATUS,
    /** A policy boolean changed ({@code setsebool}). */
    MAC_CONFIG_CHANGE,
    /** A policy was loaded ({@code semodule}, {@code load_policy}). */
    MAC_POLICY_LOAD
}
