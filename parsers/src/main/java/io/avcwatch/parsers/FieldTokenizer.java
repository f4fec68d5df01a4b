package io.avcwatch.parsers;

/**
 * Splits a record body into fields by hand: no regex and no substring per field, because this
 * runs for every line of the log.
 */
final class FieldTokenizer {
    private static final String SERESULT = "seresult";
    private static final String SEPERMS = "seperms";

    private FieldTokenizer() {
    }

    /** Adds the fields of {@code s[from, to)} to {@code out}. */
    static void tokenize(String s, int from, int to, Fields.Builder out) {
        int pos = HeaderScanner.skipSpaces(s, from);
        if (HeaderScanner.startsWith(s, pos, "avc:") && pos + 4 <= to) {
            pos = avcPrefix(s, pos + 4, to, out);
        }
        while (pos < to) {
            char c = s.charAt(pos);
            if (c == ' ') {
                pos++;
                continue;
            }
            int nameStart = pos;
            int hash = 0;
            while (pos < to && (c = s.charAt(pos)) != ' ' && c != '=') {
                hash = 31 * hash + c;
                pos++;
            }
            if (pos >= to || c == ' ') {
                continue;
            }
            int nameEnd = pos;
            pos++;
            boolean parenthesised = s.charAt(nameStart) == '(';
            if (parenthesised) {
                nameStart++;
            }
            if (nameEnd == nameStart) {
                pos = tokenEnd(s, pos, to);
                continue;
            }
            int valueStart = pos;
            int valueEnd;
            char first = pos < to ? s.charAt(pos) : ' ';
            if (first == '"') {
                int close = indexOf(s, '"', pos + 1, to);
                valueEnd = close >= 0 ? close + 1 : tokenEnd(s, pos, to);
            } else if (first == '\'' && nameEnd - nameStart == 3 && HeaderScanner.startsWith(s, nameStart, "msg")) {
                int close = lastIndexOf(s, '\'', pos + 1, to);
                int innerEnd = close >= 0 ? close : to;
                tokenize(s, pos + 1, innerEnd, out);
                pos = close >= 0 ? close + 1 : to;
                continue;
            } else if (nameEnd - nameStart == 3 && HeaderScanner.startsWith(s, nameStart, "msg")
                    && HeaderScanner.startsWith(s, pos, "audit(")) {
                // A second record glued onto this line (old setroubleshoot logs): auparse skips its stamp.
                pos = tokenEnd(s, pos, to);
                continue;
            } else {
                valueEnd = tokenEnd(s, pos, to);
            }
            pos = valueEnd;
            valueEnd = trimPunctuation(s, valueStart, valueEnd);
            if (valueEnd > valueStart) {
                String name = parenthesised ? FieldNames.of(s, nameStart, nameEnd)
                        : FieldNames.of(s, nameStart, nameEnd, hash);
                out.add(name, valueStart, valueEnd);
            }
        }
    }

    /**
     * Drops the punctuation that free-text messages glue to a value ({@code (hostname=?, ...
     * res=success)}), in auparse's order: one trailing colon, comma, quote, closing parenthesis
     * (but {@code (none)} and {@code (null)} keep theirs).
     */
    private static int trimPunctuation(String s, int start, int end) {
        int e = end;
        if (e > start && s.charAt(e - 1) == ':') {
            e--;
        }
        if (e > start && s.charAt(e - 1) == ',') {
            e--;
        }
        if (e > start && s.charAt(e - 1) == '\'') {
            e--;
        }
        if (e > start && s.charAt(e - 1) == ')' && !(s.charAt(start) == '(' && isNoneOrNull(s, start, e))) {
            e--;
        }
        return e;
    }

    private static boolean isNoneOrNull(String s, int start, int end) {
        return end - start == 6 && (s.startsWith("(none)", start) || s.startsWith("(null)", start));
    }

    /** Reads {@code  denied  { read write } for}: the verdict and the permission set. */
    private static int avcPrefix(String s, int from, int to, Fields.Builder out) {
        int pos = HeaderScanner.skipSpaces(s, from);
        int verdictEnd = tokenEnd(s, pos, to);
        if (verdictEnd == pos || indexOf(s, '=', pos, verdictEnd) >= 0) {
            return pos;
        }
        out.add(SERESULT, pos, verdictEnd);
        pos = HeaderScanner.skipSpaces(s, verdictEnd);
        if (pos >= to || s.charAt(pos) != '{') {
            return pos;
        }
        pos++;
        int firstStart = -1;
        int firstEnd = -1;
        StringBuilder joined = null;
        while (pos < to) {
            pos = HeaderScanner.skipSpaces(s, pos);
            if (pos >= to || s.charAt(pos) == '}') {
                pos++;
                break;
            }
            int end = tokenEnd(s, pos, to);
            if (firstStart < 0) {
                firstStart = pos;
                firstEnd = end;
            } else {
                if (joined == null) {
                    joined = new StringBuilder(s.length() > 0 ? 32 : 0).append(s, firstStart, firstEnd);
                }
                joined.append(',').append(s, pos, end);
            }
            pos = end;
        }
        if (joined != null) {
            out.addComputed(SEPERMS, joined.toString());
        } else if (firstStart >= 0) {
            out.add(SEPERMS, firstStart, firstEnd);
        }
        return Math.min(pos, to);
    }

    private static int tokenEnd(String s, int from, int to) {
        int i = from;
        while (i < to && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(String s, char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}
