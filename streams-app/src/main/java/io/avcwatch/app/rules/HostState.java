package io.avcwatch.app.rules;

/**
 * What the detector remembers about one host's SELinux mode: the last {@code MAC_STATUS} seen,
 * by event time. Kept per host in a state store by the Streams app (a plain record, so it
 * serialises as JSON), and passed to the detector with every denial; H4 (a permissive domain on
 * an enforcing host) needs it.
 *
 * @param enforcing the last reported mode; null until a MAC_STATUS arrives
 * @param sinceEpochMillis event time of that MAC_STATUS (0 when unknown)
 * @param sinceSerial its audit serial (0 when unknown)
 */
public record HostState(String host, Boolean enforcing, long sinceEpochMillis, long sinceSerial) {

    public static HostState unknown(final String host) {
        return new HostState(host, null, 0L, 0L);
    }

    /**
     * The state after a mode report at {@code epochMillis}/{@code serial}. A report older than
     * the one already held (records replayed out of order) leaves the state unchanged, so the
     * result does not depend on arrival order.
     */
    public HostState withMode(final boolean enforcingNow, final long epochMillis, final long serial) {
        if (enforcing != null && (epochMillis < sinceEpochMillis
                || (epochMillis == sinceEpochMillis && serial < sinceSerial))) {
            return this;
        }
        return new HostState(host, enforcingNow, epochMillis, serial);
    }

    /**
     * The state after an enforced kernel AVC ({@code permissive=0}) at {@code epochMillis}: a
     * permissive host logs every denial with {@code permissive=1}, so an enforced one shows the
     * host was enforcing then. This lets H4 see a permissive container domain on hosts whose log
     * holds no MAC_STATUS. A state that already says enforcing is returned unchanged, so the
     * store is written only when the mode changes.
     */
    public HostState withEnforcedDenial(final long epochMillis, final long serial) {
        if (Boolean.TRUE.equals(enforcing)) {
            return this;
        }
        return withMode(true, epochMillis, serial);
    }
}
