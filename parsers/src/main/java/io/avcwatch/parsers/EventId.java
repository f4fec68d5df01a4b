package io.avcwatch.parsers;

/**
 * The {@code msg=audit(SECONDS.MILLIS:SERIAL)} identity of an audit event. Per node, records
 * with the same serial belong to the same event.
 *
 * @param epochMillis event time in milliseconds since the epoch
 * @param serial      the kernel's (or auditd's) event serial number
 */
public record EventId(long epochMillis, long serial) {

    /** The stamp as audit writes it: {@code SECONDS.MILLIS} with three millisecond digits. */
    public String timestamp() {
        long millis = Math.floorMod(epochMillis, 1000L);
        StringBuilder out = new StringBuilder(20).append(Math.floorDiv(epochMillis, 1000L)).append('.');
        if (millis < 100) {
            out.append('0');
        }
        if (millis < 10) {
            out.append('0');
        }
        return out.append(millis).toString();
    }
}
