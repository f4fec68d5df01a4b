package io.avcwatch.parsers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The syslog prefix in front of an audit record that reached the log through syslog, journald
 * or the audisp syslog plugin: {@code Dec  5 21:50:43 HOST TAG[PID]: } (BSD stamp, no year) or
 * {@code 2024-04-20T10:53:50.123+0200 HOST TAG: } ({@code journalctl -o short-iso}).
 *
 * <p>The BSD stamp keeps month, day and time of day only; {@link #epochMillis(long)} chooses the
 * year. Stamps are read as UTC: the prefix says nothing about its zone.
 *
 * @param host       the hostname field, i.e. the machine whose kernel wrote the record
 * @param tagStart   index of the tag ({@code audit}, {@code audit[4242]}, {@code kernel}, {@code audispd})
 * @param tagEnd     index just after the tag (the {@code :})
 * @param bodyStart  index of the first character after {@code TAG: }
 * @param isoMillis  epoch millis of an ISO stamp, or {@link Long#MIN_VALUE} for a BSD stamp
 * @param month      BSD month 1..12 (0 for ISO)
 * @param day        BSD day of month (0 for ISO)
 * @param millisOfDay BSD time of day in millis (0 for ISO)
 */
record SyslogPrefix(String host, int tagStart, int tagEnd, int bodyStart, long isoMillis, int month, int day,
        int millisOfDay) {
    private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
    private static final long DAY_MILLIS = 86_400_000L;
    /** Only the head of a line can hold the prefix. */
    private static final int SCAN_LIMIT = 256;

    /**
     * The stamp in epoch millis. A BSD stamp takes the latest year (of the reference year + 1,
     * the reference year and the one before) that does not put it more than a day after
     * {@code referenceMillis}: a day ahead is clock skew, further ahead is last December read in
     * January. -1 when the stamp names a day that year does not have (Feb 29), and for a BSD
     * stamp without reference ({@link AuditLineParser#NO_REFERENCE}).
     */
    long epochMillis(long referenceMillis) {
        if (isoMillis != Long.MIN_VALUE) {
            return isoMillis;
        }
        if (referenceMillis == AuditLineParser.NO_REFERENCE) {
            return -1;
        }
        int referenceYear = LocalDateTime.ofEpochSecond(Math.floorDiv(referenceMillis, 1000), 0, ZoneOffset.UTC)
                .getYear();
        for (int year = referenceYear + 1; year >= referenceYear - 1; year--) {
            try {
                long millis = LocalDate.of(year, month, day).toEpochDay() * DAY_MILLIS + millisOfDay;
                if (millis - DAY_MILLIS <= referenceMillis) {
                    return millis;
                }
            } catch (DateTimeException noSuchDay) {
                // Feb 29 outside a leap year: try the year before.
            }
        }
        return -1;
    }

    /** True when the tag is {@code audit} or {@code audit[PID]}: journald's own audit records. */
    boolean isAuditTag(CharSequence line) {
        if (!HeaderScanner.startsWith(line, tagStart, "audit")) {
            return false;
        }
        int at = tagStart + 5;
        if (at == tagEnd) {
            return true;
        }
        if (line.charAt(at) != '[' || line.charAt(tagEnd - 1) != ']') {
            return false;
        }
        return HeaderScanner.parseDigits(line, at + 1, tagEnd - 1) >= 0;
    }

    /** The prefix of {@code line}, or null when it does not start with a syslog stamp, host and tag. */
    static SyslogPrefix scan(CharSequence line) {
        int length = Math.min(line.length(), SCAN_LIMIT);
        if (length < 16) {
            return null;
        }
        char first = line.charAt(0);
        if (first >= 'A' && first <= 'Z') {
            return scanBsd(line, length);
        }
        if (HeaderScanner.isDigit(first)) {
            return scanIso(line, length);
        }
        return null;
    }

    private static SyslogPrefix scanBsd(CharSequence line, int length) {
        int month = -1;
        for (int m = 0; m < 12; m++) {
            if (HeaderScanner.startsWith(line, 0, MONTHS.substring(m * 3, m * 3 + 3))) {
                month = m + 1;
                break;
            }
        }
        if (month < 0 || line.charAt(3) != ' ') {
            return null;
        }
        int pos = HeaderScanner.skipSpaces(line, 3);
        int dayEnd = digitsEnd(line, pos, length);
        long day = HeaderScanner.parseDigits(line, pos, dayEnd);
        if (day < 1 || day > 31 || dayEnd - pos > 2 || dayEnd >= length || line.charAt(dayEnd) != ' ') {
            return null;
        }
        pos = dayEnd + 1;
        int millisOfDay = timeOfDay(line, pos, length);
        if (millisOfDay < 0) {
            return null;
        }
        int fractionEnd = skipFraction(line, pos + 8, length);
        millisOfDay += fractionMillis(line, pos + 9, fractionEnd);
        pos = fractionEnd;
        return hostAndTag(line, pos, length, Long.MIN_VALUE, month, (int) day, millisOfDay);
    }

    private static SyslogPrefix scanIso(CharSequence line, int length) {
        // YYYY-MM-DDThh:mm:ss[.fff](Z|+hh:mm|+hhmm)
        if (length < 20 || line.charAt(4) != '-' || line.charAt(7) != '-' || line.charAt(10) != 'T') {
            return null;
        }
        long year = HeaderScanner.parseDigits(line, 0, 4);
        long month = HeaderScanner.parseDigits(line, 5, 7);
        long day = HeaderScanner.parseDigits(line, 8, 10);
        int millisOfDay = timeOfDay(line, 11, length);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || millisOfDay < 0) {
            return null;
        }
        int pos = 19;
        int fractionEnd = skipFraction(line, pos, length);
        millisOfDay += fractionMillis(line, pos + 1, fractionEnd);
        pos = fractionEnd;
        if (pos >= length) {
            return null;
        }
        long offsetMillis;
        char sign = line.charAt(pos);
        if (sign == 'Z') {
            offsetMillis = 0;
            pos++;
        } else if (sign == '+' || sign == '-') {
            int end = pos + 1;
            while (end < length && (HeaderScanner.isDigit(line.charAt(end)) || line.charAt(end) == ':')) {
                end++;
            }
            long hours = HeaderScanner.parseDigits(line, pos + 1, pos + 3);
            int minutesAt = pos + 3 < end && line.charAt(pos + 3) == ':' ? pos + 4 : pos + 3;
            long minutes = HeaderScanner.parseDigits(line, minutesAt, end);
            if (hours < 0 || hours > 18 || minutes < 0 || minutes > 59 || end - minutesAt != 2) {
                return null;
            }
            offsetMillis = (sign == '+' ? 1 : -1) * (hours * 3_600_000L + minutes * 60_000L);
            pos = end;
        } else {
            return null;
        }
        long epochDay;
        try {
            epochDay = LocalDate.of((int) year, (int) month, (int) day).toEpochDay();
        } catch (DateTimeException noSuchDay) {
            return null;
        }
        long millis = epochDay * DAY_MILLIS + millisOfDay - offsetMillis;
        return hostAndTag(line, pos, length, millis, 0, 0, 0);
    }

    private static SyslogPrefix hostAndTag(CharSequence line, int pos, int length, long isoMillis, int month,
            int day, int millisOfDay) {
        if (pos >= length || line.charAt(pos) != ' ') {
            return null;
        }
        int hostStart = pos + 1;
        int hostEnd = HeaderScanner.tokenEnd(line, hostStart);
        if (hostEnd == hostStart || hostEnd >= length) {
            return null;
        }
        int tagStart = hostEnd + 1;
        int tagEnd = HeaderScanner.tokenEnd(line, tagStart);
        if (tagEnd > length || tagEnd - tagStart < 2 || line.charAt(tagEnd - 1) != ':') {
            return null;
        }
        String host = line.subSequence(hostStart, hostEnd).toString();
        int bodyStart = HeaderScanner.skipSpaces(line, tagEnd);
        return new SyslogPrefix(host, tagStart, tagEnd - 1, bodyStart, isoMillis, month, day, millisOfDay);
    }

    /** {@code hh:mm:ss} at {@code at} in millis of the day, or -1. */
    private static int timeOfDay(CharSequence line, int at, int length) {
        if (at + 8 > length || line.charAt(at + 2) != ':' || line.charAt(at + 5) != ':') {
            return -1;
        }
        long hours = HeaderScanner.parseDigits(line, at, at + 2);
        long minutes = HeaderScanner.parseDigits(line, at + 3, at + 5);
        long seconds = HeaderScanner.parseDigits(line, at + 6, at + 8);
        if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59 || seconds < 0 || seconds > 60) {
            return -1;
        }
        return (int) ((hours * 3600 + minutes * 60 + seconds) * 1000);
    }

    private static int skipFraction(CharSequence line, int at, int length) {
        if (at < length && line.charAt(at) == '.') {
            return digitsEnd(line, at + 1, length);
        }
        return at;
    }

    private static int fractionMillis(CharSequence line, int from, int to) {
        int millis = 0;
        for (int i = 0; i < 3; i++) {
            millis = millis * 10 + (from + i < to ? line.charAt(from + i) - '0' : 0);
        }
        return millis;
    }

    private static int digitsEnd(CharSequence line, int from, int length) {
        int i = from;
        while (i < length && HeaderScanner.isDigit(line.charAt(i))) {
            i++;
        }
        return i;
    }
}
