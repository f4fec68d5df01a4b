package io.avcwatch.parsers;

/**
 * Scans a plain {@code audit.log} line ({@code [node=N ]type=T msg=audit(S.M:N): ...}, ASCII) straight
 * from its bytes into a {@link ScannedLine}: the same header, fields, AVC prefix, nested
 * {@code msg='...'} and ENRICHED pairs as {@link AuditLineParser} with {@link FieldTokenizer}, byte
 * for byte, but without a String per line or field. Any other line (syslog, journald, dmesg,
 * {@code ausearch -i} stamps, unreadable headers) is declined, and the caller parses it the object
 * way. Stateless and thread-safe.
 */
public final class ByteLineScanner {
    private static final byte[] NODE = ascii("node=");
    private static final byte[] TYPE = ascii("type=");
    private static final byte[] MSG = ascii("msg=");
    private static final byte[] AUDIT = ascii("audit(");
    private static final byte[] AVC = ascii("avc:");
    private static final byte[] NONE = ascii("(none)");
    private static final byte[] NULL = ascii("(null)");
    private static final byte[] UNKNOWN = ascii("UNKNOWN[");
    private static final int SERESULT_HASH = "seresult".hashCode();
    private static final int SEPERMS_HASH = "seperms".hashCode();

    private ByteLineScanner() {
    }

    /**
     * Scans {@code b[from, to)} (one line without its {@code \n}, ASCII only) into {@code out}; false
     * when the line is not a plain record line with a numeric stamp (then {@code out} is garbage).
     */
    public static boolean scan(byte[] b, int from, int to, ScannedLine out) {
        return scan(b, from, to, out, false);
    }

    /**
     * {@link #scan(byte[], int, int, ScannedLine)} for a caller that already knows whether the line holds a
     * byte below 0x20: {@code noControlBytes} promises it does not, so there is no ENRICHED separator
     * (0x1d) to look for, which saves a pass over the line.
     */
    public static boolean scan(byte[] b, int from, int to, ScannedLine out, boolean noControlBytes) {
        if (!startsWith(b, from, to, TYPE) && !startsWith(b, from, to, NODE)) {
            return false;
        }
        out.reset(b);
        int body = header(b, from, to, out);
        if (body < 0) {
            return false;
        }
        int end = to > from && b[to - 1] == '\r' ? to - 1 : to;
        int separator = noControlBytes ? -1 : indexOf(b, (byte) AuditLineParser.ENRICHED_SEPARATOR, body, to);
        tokenize(b, body, separator < 0 ? end : separator, to, out);
        out.bodyFields = out.size;
        if (separator >= 0) {
            tokenize(b, separator + 1, end, to, out);
        }
        if (out.node != null) {
            // a node name may itself hold "type=": the raw type is after the line's first one
            int typeAt = indexOf(b, TYPE, from, to);
            out.rawTypeFrom = typeAt + TYPE.length;
            out.rawTypeTo = tokenEnd(b, out.rawTypeFrom, to);
        }
        return true;
    }

    /** {@code HeaderScanner.scanRaw} on bytes; the body start, or -1. */
    private static int header(byte[] b, int from, int to, ScannedLine out) {
        int pos = from;
        if (startsWith(b, pos, to, NODE)) {
            int end = tokenEnd(b, pos + NODE.length, to);
            out.node = ByteStrings.of(b, pos + NODE.length, end);
            pos = skipSpaces(b, end, to);
        }
        if (!startsWith(b, pos, to, TYPE)) {
            return -1;
        }
        int typeStart = pos + TYPE.length;
        int typeEnd = tokenEnd(b, typeStart, to);
        if (typeEnd == typeStart) {
            return -1;
        }
        out.type = typeName(b, typeStart, typeEnd);
        out.rawTypeFrom = typeStart;
        out.rawTypeTo = typeEnd;
        pos = skipSpaces(b, typeEnd, to);
        if (startsWith(b, pos, to, MSG)) {
            pos += MSG.length;
        }
        if (!startsWith(b, pos, to, AUDIT)) {
            return -1;
        }
        pos += AUDIT.length;
        int close = indexOf(b, (byte) ')', pos, Math.min(to, pos + 64));
        if (close < 0) {
            return -1;
        }
        int colon = lastIndexOf(b, (byte) ':', pos, close);
        if (colon < 0) {
            return -1;
        }
        long serial = parseDigits(b, colon + 1, close);
        long millis = serial < 0 ? -1 : epochMillis(b, pos, colon);
        if (millis < 0) {
            return -1;
        }
        out.serial = serial;
        out.epochMillis = millis;
        int body = skipSpaces(b, close + 1, to);
        if (body < to && b[body] == ':') {
            body++;
        }
        return skipSpaces(b, body, to);
    }

    private static String typeName(byte[] b, int from, int to) {
        long number = parseDigits(b, from, to);
        if (number < 0 && startsWith(b, from, to, UNKNOWN) && b[to - 1] == ']') {
            number = parseDigits(b, from + UNKNOWN.length, to - 1);
        }
        if (number >= 0 && number < Integer.MAX_VALUE) {
            return AuditTypes.name((int) number);
        }
        return ByteStrings.of(b, from, to);
    }

    /** {@code SECONDS.FRACTION} to epoch millis; -1 when not in that form (as HeaderScanner). */
    private static long epochMillis(byte[] b, int from, int to) {
        int dot = indexOf(b, (byte) '.', from, to);
        if (dot < 0) {
            return -1;
        }
        long seconds = parseDigits(b, from, dot);
        if (seconds < 0 || seconds > 9_000_000_000_000L || dot + 1 >= to) {
            return -1;
        }
        long millis = 0;
        int digits = 0;
        for (int i = dot + 1; i < to; i++) {
            int c = b[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            if (digits < 3) {
                millis = millis * 10 + (c - '0');
                digits++;
            }
        }
        for (; digits < 3; digits++) {
            millis *= 10;
        }
        return seconds * 1000 + millis;
    }

    /** {@link FieldTokenizer#tokenize} on bytes; {@code lineEnd} bounds the space skipping as the line's length does there. */
    private static void tokenize(byte[] s, int from, int to, int lineEnd, ScannedLine out) {
        int pos = skipSpaces(s, from, lineEnd);
        if (startsWith(s, pos, lineEnd, AVC) && pos + 4 <= to) {
            pos = avcPrefix(s, pos + 4, to, lineEnd, out);
        }
        while (pos < to) {
            byte c = s[pos];
            if (c == ' ') {
                pos++;
                continue;
            }
            int nameStart = pos;
            int hash = 0;
            while (pos < to && (c = s[pos]) != ' ' && c != '=') {
                hash = 31 * hash + c;
                pos++;
            }
            if (pos >= to || c == ' ') {
                continue;
            }
            int nameEnd = pos;
            pos++;
            if (s[nameStart] == '(') {
                hash = hash(s, ++nameStart, nameEnd);
            }
            if (nameEnd == nameStart) {
                pos = tokenEnd(s, pos, to);
                continue;
            }
            int valueStart = pos;
            int valueEnd;
            byte first = pos < to ? s[pos] : (byte) ' ';
            boolean msg = nameEnd - nameStart == 3 && s[nameStart] == 'm' && s[nameStart + 1] == 's'
                    && s[nameStart + 2] == 'g';
            if (first == '"') {
                int close = indexOf(s, (byte) '"', pos + 1, to);
                valueEnd = close >= 0 ? close + 1 : tokenEnd(s, pos, to);
            } else if (first == '\'' && msg) {
                int close = lastIndexOf(s, (byte) '\'', pos + 1, to);
                tokenize(s, pos + 1, close >= 0 ? close : to, lineEnd, out);
                pos = close >= 0 ? close + 1 : to;
                continue;
            } else if (msg && startsWith(s, pos, lineEnd, AUDIT)) {
                // A second record glued onto this line (old setroubleshoot logs): auparse skips its stamp.
                pos = tokenEnd(s, pos, to);
                continue;
            } else {
                valueEnd = tokenEnd(s, pos, to);
            }
            pos = valueEnd;
            valueEnd = trimPunctuation(s, valueStart, valueEnd);
            if (valueEnd > valueStart) {
                out.add(nameStart, nameEnd, hash, valueStart, valueEnd);
            }
        }
    }

    /** Auparse's trailing punctuation: one colon, comma, quote, closing parenthesis (but not of {@code (none)}). */
    private static int trimPunctuation(byte[] s, int start, int end) {
        int e = end;
        if (e > start && s[e - 1] == ':') {
            e--;
        }
        if (e > start && s[e - 1] == ',') {
            e--;
        }
        if (e > start && s[e - 1] == '\'') {
            e--;
        }
        if (e > start && s[e - 1] == ')' && !(s[start] == '(' && e - start == 6
                && (startsWith(s, start, e, NONE) || startsWith(s, start, e, NULL)))) {
            e--;
        }
        return e;
    }

    /** {@code  denied  { read write } for}: the verdict and the permissions (joined by commas when several). */
    private static int avcPrefix(byte[] s, int from, int to, int lineEnd, ScannedLine out) {
        int pos = skipSpaces(s, from, lineEnd);
        int verdictEnd = tokenEnd(s, pos, to);
        if (verdictEnd == pos || indexOf(s, (byte) '=', pos, verdictEnd) >= 0) {
            return pos;
        }
        out.add(ScannedLine.SERESULT, ScannedLine.SERESULT, SERESULT_HASH, pos, verdictEnd);
        pos = skipSpaces(s, verdictEnd, lineEnd);
        if (pos >= to || s[pos] != '{') {
            return pos;
        }
        pos++;
        int firstStart = -1;
        int firstEnd = -1;
        int joinedStart = -1;
        while (pos < to) {
            pos = skipSpaces(s, pos, lineEnd);
            if (pos >= to || s[pos] == '}') {
                pos++;
                break;
            }
            int end = tokenEnd(s, pos, to);
            if (firstStart < 0) {
                firstStart = pos;
                firstEnd = end;
            } else {
                if (joinedStart < 0) {
                    joinedStart = out.computedSize();
                    out.appendComputed(s, firstStart, firstEnd);
                }
                out.appendComputed((byte) ',');
                out.appendComputed(s, pos, end);
            }
            pos = end;
        }
        if (joinedStart >= 0) {
            out.addComputed(ScannedLine.SEPERMS, SEPERMS_HASH, joinedStart);
        } else if (firstStart >= 0) {
            out.add(ScannedLine.SEPERMS, ScannedLine.SEPERMS, SEPERMS_HASH, firstStart, firstEnd);
        }
        return Math.min(pos, to);
    }

    private static int hash(byte[] s, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + s[i];
        }
        return hash;
    }

    /** Non-negative decimal in [from, to), or -1 when empty, not all digits, or longer than 18 digits. */
    private static long parseDigits(byte[] s, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int c = s[i];
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean startsWith(byte[] s, int at, int limit, byte[] prefix) {
        if (at < 0 || at + prefix.length > limit) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (s[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] s, byte[] needle, int from, int limit) {
        int last = limit - needle.length;
        for (int i = from; i <= last; i++) {
            if (s[i] == needle[0] && startsWith(s, i, limit, needle)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] s, byte c, int from, int to) {
        int at = firstOf(s, c, from, to);
        return at < to ? at : -1;
    }

    private static int lastIndexOf(byte[] s, byte c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int tokenEnd(byte[] s, int from, int to) {
        return firstOf(s, (byte) ' ', from, to);
    }

    /** The first {@code c} at or after {@code from}, or {@code to}; a word at a time (values run to tens of bytes). */
    private static int firstOf(byte[] s, byte c, int from, int to) {
        long pattern = ByteWords.broadcast(c);
        int i = from;
        for (; i + 8 <= to; i += 8) {
            int at = ByteWords.firstMarked(ByteWords.zeroBytes(ByteWords.word(s, i) ^ pattern));
            if (at < 8) {
                return i + at;
            }
        }
        while (i < to && s[i] != c) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(byte[] s, int from, int to) {
        int i = from;
        while (i < to && s[i] == ' ') {
            i++;
        }
        return i;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
