package io.avcwatch.schemas;

/** The audit record that carried an SELinux decision. */
public enum AvcRecordType {
    /** Kernel access vector cache decision. */
    AVC,
    /** Userspace object manager decision (dbus, systemd, ...). */
    USER_AVC,
    /** A policy violation reported by the security server (bounds, invalid transitions, constraints). */
    SELINUX_ERR,
    /**
     * A failed or watched syscall with no SELinux record: the policy hides the denial (dontaudit)
     * or allows the call, so only an audit syscall rule sees it (detections.md R7, R16).
     */
    SYSCALL
}
