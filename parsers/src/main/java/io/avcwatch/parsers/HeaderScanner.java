package io.avcwatch.parsers;

/**
 * Finds the audit header of a line by hand (no regex, no field parsing): this runs for every
 * line the tailer ships, so it only looks at the first few dozen characters.
 */
final class HeaderScanner {
    private static final String NODE = "node=";
    private static final String TYPE = "type=";
    private static final String KERNEL_PREFIX = "audit: type=";
    private static final String JOURNALD_PREFIX = "audit[";
    private static final String JOURNALD_SHORT_PREFIX = "audit: ";

    private HeaderScanner() {
    }

    /** Scans {@code line}; null when it carries no audit record header. */
    static HeaderScan scan(CharSequence line) {
        int length = line.length();
        if (startsWith(line, 0, NODE) || startsWith(line, 0, TYPE)) {
            return scanRaw(line, 0, HeaderScan.Wrapper.RAW, null);
        }
        SyslogPrefix syslog = SyslogPrefix.scan(line);
        if (syslog != null) {
            int body = syslog.bodyStart();
            if (startsWith(line, body, NODE) || startsWith(line, body, TYPE)) {
                // audispd / audisp-syslog: any tag, then a whole audit.log record.
                return scanRaw(line, body, HeaderScan.Wrapper.SYSLOG_PLUGIN, syslog);
            }
            if (syslog.isAuditTag(line)) {
                HeaderScan journald = journaldType(line, body, syslog);
                if (journald != null) {
                    return journald;
                }
            }
        }
        int kernel = indexOf(line, KERNEL_PREFIX, 0, Math.min(length, 256));
        if (kernel >= 0) {
            return scanRaw(line, kernel + KERNEL_PREFIX.length() - TYPE.length(), HeaderScan.Wrapper.KERNEL, syslog);
        }
        return scanJournald(line, syslog);
    }

    private static HeaderScan scanRaw(CharSequence line, int start, HeaderScan.Wrapper wrapper, SyslogPrefix syslog) {
        int length = line.length();
        int pos = start;
        String node = null;
        if (startsWith(line, pos, NODE)) {
            int end = tokenEnd(line, pos + NODE.length());
            node = FieldNames.of(line, pos + NODE.length(), end);
            pos = skipSpaces(line, end);
        }
        if (!startsWith(line, pos, TYPE)) {
            return null;
        }
        int typeEnd = tokenEnd(line, pos + TYPE.length());
        if (typeEnd == pos + TYPE.length()) {
            return null;
        }
        String type = typeName(line, pos + TYPE.length(), typeEnd);
        pos = skipSpaces(line, typeEnd);
        if (startsWith(line, pos, "msg=")) {
            pos += 4;
        }
        if (!startsWith(line, pos, "audit(")) {
            return null;
        }
        pos += 6;
        int close = indexOf(line, ")", pos, Math.min(length, pos + 64));
        if (close < 0) {
            return null;
        }
        int colon = lastIndexOf(line, ':', pos, close);
        if (colon < 0) {
            return null;
        }
        long serial = parseDigits(line, colon + 1, close);
        if (serial < 0) {
            return null;
        }
        long millis = epochMillis(line, pos, colon);
        HeaderScan.Wrapper kind = wrapper;
        if (millis < 0) {
            millis = InterpretedTime.epochMillis(line, pos, colon);
            kind = HeaderScan.Wrapper.INTERPRETED;
            if (millis < 0) {
                return null;
            }
        }
        int body = close + 1;
        body = skipSpaces(line, body);
        if (body < length && line.charAt(body) == ':') {
            body++;
        }
        body = skipSpaces(line, body);
        return new HeaderScan(node, type, millis, serial, body, kind, syslog);
    }

    /**
     * journald without a recognised syslog stamp: {@code ... audit[PID]: TYPE ...} or
     * {@code ... audit: TYPE ...} anywhere in the head of the line.
     */
    private static HeaderScan scanJournald(CharSequence line, SyslogPrefix syslog) {
        int length = line.length();
        int limit = Math.min(length, 256);
        int at = indexOf(line, JOURNALD_PREFIX, 0, limit);
        if (at >= 0 && (at == 0 || line.charAt(at - 1) == ' ')) {
            int pos = at + JOURNALD_PREFIX.length();
            int digitsEnd = pos;
            while (digitsEnd < length && isDigit(line.charAt(digitsEnd))) {
                digitsEnd++;
            }
            if (digitsEnd > pos && startsWith(line, digitsEnd, "]: ")) {
                return journaldType(line, digitsEnd + 3, syslog);
            }
        }
        int shortAt = indexOf(line, JOURNALD_SHORT_PREFIX, 0, limit);
        if (shortAt >= 0 && (shortAt == 0 || line.charAt(shortAt - 1) == ' ')) {
            return journaldType(line, shortAt + JOURNALD_SHORT_PREFIX.length(), syslog);
        }
        return null;
    }

    /** The record type word at {@code pos} of a journald line (no stamp), or null when there is none. */
    private static HeaderScan journaldType(CharSequence line, int pos, SyslogPrefix syslog) {
        int typeEnd = tokenEnd(line, pos);
        if (typeEnd == pos || !isRecordTypeName(line, pos, typeEnd)) {
            return null;
        }
        String type = line.subSequence(pos, typeEnd).toString();
        return new HeaderScan(null, type, HeaderScan.NO_STAMP, HeaderScan.NO_STAMP, skipSpaces(line, typeEnd),
                HeaderScan.Wrapper.JOURNALD, syslog);
    }

    private static boolean isRecordTypeName(CharSequence line, int from, int to) {
        char first = line.charAt(from);
        if (first < 'A' || first > 'Z') {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (!(c >= 'A' && c <= 'Z') && c != '_' && !isDigit(c) && c != '[' && c != ']') {
                return false;
            }
        }
        return true;
    }

    private static String typeName(CharSequence line, int from, int to) {
        long number = parseDigits(line, from, to);
        if (number < 0 && startsWith(line, from, "UNKNOWN[") && line.charAt(to - 1) == ']') {
            // Written by an auditd older than the kernel; libaudit may know the name by now (1334 is BPF).
            number = parseDigits(line, from + 8, to - 1);
        }
        if (number >= 0 && number < Integer.MAX_VALUE) {
            return AuditTypes.name((int) number);
        }
        return FieldNames.of(line, from, to);
    }

    /** {@code SECONDS.FRACTION} to epoch millis; -1 when not in that form. */
    private static long epochMillis(CharSequence line, int from, int to) {
        int dot = -1;
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == '.') {
                dot = i;
                break;
            }
        }
        if (dot < 0) {
            return -1;
        }
        long seconds = parseDigits(line, from, dot);
        if (seconds < 0 || seconds > 9_000_000_000_000L || dot + 1 >= to) {
            return -1;
        }
        long millis = 0;
        int digits = 0;
        for (int i = dot + 1; i < to; i++) {
            char c = line.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            if (digits < 3) {
                millis = millis * 10 + (c - '0');
                digits++;
            }
        }
        while (digits < 3) {
            millis *= 10;
            digits++;
        }
        return seconds * 1000 + millis;
    }

    /** Non-negative decimal in [from, to), or -1 when empty, not all digits, or too long. */
    static long parseDigits(CharSequence s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean startsWith(CharSequence s, int at, String prefix) {
        if (at < 0 || at + prefix.length() > s.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (s.charAt(at + i) != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(CharSequence s, String needle, int from, int limit) {
        int last = Math.min(limit, s.length()) - needle.length();
        char first = needle.charAt(0);
        for (int i = from; i <= last; i++) {
            if (s.charAt(i) == first && startsWith(s, i, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(CharSequence s, char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    static int tokenEnd(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    static int skipSpaces(CharSequence s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
