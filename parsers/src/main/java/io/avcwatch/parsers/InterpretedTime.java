package io.avcwatch.parsers;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Reads the local-time stamps of {@code ausearch -i} output ({@code 08/23/2017 17:23:47.012},
 * {@code 02/07/22 13:54:38.472}, {@code 08.12.2025 14:32:08.752}) as UTC. libauparse mis-reads
 * these as serial 0; ausearch prints month-first with slashes and day-first with dots.
 */
final class InterpretedTime {
    private InterpretedTime() {
    }

    /** Epoch millis of the date-time in [from, to) read as UTC, or -1 when not such a stamp. */
    static long epochMillis(CharSequence s, int from, int to) {
        int space = HeaderScanner.indexOf(s, " ", from, to);
        if (space < 0 || to - from > 32) {
            return -1;
        }
        int[] date = three(s, from, space);
        int[] time = three(s, space + 1, to);
        if (date == null || time == null) {
            return -1;
        }
        char separator = s.charAt(from + digitsLength(s, from, space));
        int month = separator == '/' ? date[0] : date[1];
        int day = separator == '/' ? date[1] : date[0];
        int year = date[2] < 100 ? 2000 + date[2] : date[2];
        int millis = 0;
        int dot = HeaderScanner.indexOf(s, ".", space + 1, to);
        if (dot >= 0) {
            long fraction = HeaderScanner.parseDigits(s, dot + 1, Math.min(to, dot + 4));
            millis = fraction < 0 ? 0 : (int) fraction;
        }
        try {
            LocalDateTime at = LocalDateTime.of(year, month, day, time[0], time[1], time[2]);
            return at.toEpochSecond(ZoneOffset.UTC) * 1000 + millis;
        } catch (java.time.DateTimeException e) {
            return -1;
        }
    }

    private static int digitsLength(CharSequence s, int from, int to) {
        int i = from;
        while (i < to && HeaderScanner.isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    /** Three numbers separated by one of {@code / . :}; a trailing {@code .fraction} is ignored. */
    private static int[] three(CharSequence s, int from, int to) {
        int[] out = new int[3];
        int pos = from;
        for (int k = 0; k < 3; k++) {
            int len = digitsLength(s, pos, to);
            if (len == 0 || len > 4) {
                return null;
            }
            out[k] = (int) HeaderScanner.parseDigits(s, pos, pos + len);
            pos += len;
            if (k < 2) {
                if (pos >= to || "/.:".indexOf(s.charAt(pos)) < 0) {
                    return null;
                }
                pos++;
            }
        }
        return out;
    }
}
