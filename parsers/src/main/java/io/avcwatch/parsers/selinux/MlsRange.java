package io.avcwatch.parsers.selinux;

import java.util.Objects;
import java.util.Optional;

/**
 * An MLS range {@code low[-high]}; a single level is a range whose ends are equal.
 *
 * @param low  the low (current) level
 * @param high the high (clearance) level
 */
public record MlsRange(MlsLevel low, MlsLevel high) {

    /** Requires both ends. */
    public MlsRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    /** Parses {@code s0}, {@code s0:c1,c2}, {@code s0-s0:c0.c1023}; empty when malformed. */
    public static Optional<MlsRange> parse(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.toString();
        int dash = s.indexOf('-');
        if (dash < 0) {
            return MlsLevel.parse(s).map(level -> new MlsRange(level, level));
        }
        Optional<MlsLevel> low = MlsLevel.parse(s.substring(0, dash));
        Optional<MlsLevel> high = MlsLevel.parse(s.substring(dash + 1));
        if (low.isEmpty() || high.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MlsRange(low.get(), high.get()));
    }

    /** The level that decides MCS access: the high end (for a single level, the level). */
    public MlsLevel effective() {
        return high;
    }

    /** True when low and high are the same level. */
    public boolean isSingleLevel() {
        return low.equals(high);
    }

    @Override
    public String toString() {
        return isSingleLevel() ? low.toString() : low + "-" + high;
    }
}
