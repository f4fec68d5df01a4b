package io.avcwatch.parsers.json;

import io.avcwatch.parsers.ByteWords;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A minimal streaming JSON writer into a byte buffer that the caller flushes to an
 * {@link OutputStream} between values ({@link #flushIfOver}). Parsers has no JSON library, and writing bytes straight from the parsed line is what
 * keeps {@code avcwatch parse} near disk speed. Not thread-safe.
 */
public final class JsonOut {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final long QUOTES = ByteWords.broadcast('"');
    private static final long BACKSLASHES = ByteWords.broadcast('\\');

    private final OutputStream sink;
    private byte[] buffer;
    private int size;
    private boolean needComma;

    /** Writes to {@code sink}; call {@link #flush()} at the end. */
    public JsonOut(OutputStream sink) {
        this.sink = sink;
        this.buffer = new byte[1 << 16];
    }

    /** Bytes buffered and not yet flushed. */
    public int buffered() {
        return size;
    }

    /** Starts an object (as a value or array element). */
    public JsonOut beginObject() {
        comma();
        put((byte) '{');
        needComma = false;
        return this;
    }

    /** Ends the current object. */
    public JsonOut endObject() {
        put((byte) '}');
        needComma = true;
        return this;
    }

    /** Starts an array (as a value or array element). */
    public JsonOut beginArray() {
        comma();
        put((byte) '[');
        needComma = false;
        return this;
    }

    /** Ends the current array. */
    public JsonOut endArray() {
        put((byte) ']');
        needComma = true;
        return this;
    }

    /** Writes a member name; the next call writes its value. */
    public JsonOut name(String name) {
        comma();
        int length = name.length();
        ensure(length + 3);
        byte[] b = buffer;
        int n = size;
        b[n++] = '"';
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') {
                string(name, 0, length);
                put((byte) ':');
                needComma = false;
                return this;
            }
            b[n++] = (byte) c;
        }
        b[n++] = '"';
        b[n++] = ':';
        size = n;
        needComma = false;
        return this;
    }

    /** Writes a member name already rendered as {@code "name":} (escaped, UTF-8); the next call writes its value. */
    public JsonOut name(byte[] renderedName) {
        int length = renderedName.length;
        ensure(length + 1);
        byte[] b = buffer;
        int n = size;
        if (needComma) {
            b[n++] = ',';
        }
        System.arraycopy(renderedName, 0, b, n, length);
        size = n + length;
        needComma = false;
        return this;
    }

    /** Writes the member name {@code name#occurrence}, for repeated field names. */
    public JsonOut name(String name, int occurrence) {
        comma();
        string(name, 0, name.length());
        size--;
        put((byte) '#');
        ascii(Integer.toString(occurrence));
        put((byte) '"');
        put((byte) ':');
        needComma = false;
        return this;
    }

    /** Writes a string value, or null. */
    public JsonOut value(String value) {
        comma();
        if (value == null) {
            ascii("null");
        } else {
            string(value, 0, value.length());
        }
        needComma = true;
        return this;
    }

    /** Writes {@code s[from, to)} as a string value. */
    public JsonOut value(String s, int from, int to) {
        return value(s, from, to, false);
    }

    /**
     * Writes {@code s[from, to)} as a string value; {@code ascii} promises that {@code s} holds
     * only ASCII characters, which allows a bulk copy.
     */
    public JsonOut value(String s, int from, int to, boolean ascii) {
        if (!ascii) {
            comma();
            string(s, from, to);
            needComma = true;
            return this;
        }
        int length = to - from;
        ensure(length * 6 + 11);
        byte[] b = buffer;
        int n = size;
        if (needComma) {
            b[n++] = ',';
        }
        b[n++] = '"';
        size = n;
        asciiBody(s, from, to);
        needComma = true;
        return this;
    }

    /** Writes {@code "name":} for a name known to be ASCII (from an ASCII line). */
    public JsonOut asciiName(String name) {
        int length = name.length();
        ensure(length * 6 + 12);
        byte[] b = buffer;
        int n = size;
        if (needComma) {
            b[n++] = ',';
        }
        b[n++] = '"';
        size = n;
        asciiBody(name, 0, length);
        buffer[size++] = ':';
        needComma = false;
        return this;
    }

    /**
     * Appends ASCII {@code s[from, to)} escaped, and the closing quote; room for the escaped text
     * plus 8 bytes is ensured by the caller.
     */
    @SuppressWarnings("deprecation")
    private void asciiBody(String s, int from, int to) {
        byte[] b = buffer;
        int n = size;
        int length = to - from;
        // getBytes keeps the low byte of each char: exact for ASCII, one bulk copy.
        s.getBytes(from, to, b, n);
        if (!needsEscape(b, n, length)) {
            n += length;
        } else {
            int clean = 0;
            while (clean < length) {
                byte c = b[n + clean];
                if (c < 0x20 || c == '"' || c == '\\') {
                    break;
                }
                clean++;
            }
            n = escapedBody(s, from + clean, to, n + clean);
        }
        b[n++] = '"';
        size = n;
    }

    /**
     * True when {@code b[at, at + length)} holds a control character, a quote, a backslash or a
     * non-ASCII byte. Eight bytes at a time (every value byte passes here); reads up to 7 bytes past
     * the end, which are masked out.
     */
    private static boolean needsEscape(byte[] b, int at, int length) {
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            if (escapeBits(ByteWords.word(b, at + i)) != 0) {
                return true;
            }
        }
        return i < length && (escapeBits(ByteWords.word(b, at + i)) & ByteWords.lowBytes(length - i)) != 0;
    }

    /**
     * Marks the bytes of {@code word} that need an escape: a control character, a quote, a backslash, or a byte
     * {@code >= 0x80} (a broken ASCII promise then takes the careful path, as a byte-wise scan would). See
     * {@link ByteWords} for what a mark means.
     */
    private static long escapeBits(long word) {
        return ByteWords.controlBytes(word) | ByteWords.zeroBytes(word ^ QUOTES) | ByteWords.zeroBytes(word ^ BACKSLASHES)
                | (word & ByteWords.HIGHS);
    }

    /** Writes a number. */
    public JsonOut value(long number) {
        comma();
        if (number < 0) {
            ascii(Long.toString(number));
        } else {
            ensure(20);
            size = digits(buffer, size, number);
        }
        needComma = true;
        return this;
    }

    /**
     * Writes epoch milliseconds as the string value {@code "seconds.mmm"} (seconds floored, as
     * {@code EventId.timestamp()} spells it), without building a String per event.
     */
    public JsonOut secondsValue(long epochMillis) {
        long seconds = Math.floorDiv(epochMillis, 1000L);
        int millis = (int) Math.floorMod(epochMillis, 1000L);
        comma();
        ensure(26);
        put((byte) '"');
        if (seconds < 0) {
            ascii(Long.toString(seconds));
        } else {
            size = digits(buffer, size, seconds);
        }
        byte[] b = buffer;
        int n = size;
        b[n++] = '.';
        b[n++] = (byte) ('0' + millis / 100);
        b[n++] = (byte) ('0' + millis / 10 % 10);
        b[n++] = (byte) ('0' + millis % 10);
        b[n++] = '"';
        size = n;
        needComma = true;
        return this;
    }

    /** Writes the decimal digits of {@code number >= 0} at {@code n}; returns the new end. */
    private static int digits(byte[] b, int n, long number) {
        int count = 1;
        for (long rest = number / 10; rest != 0; rest /= 10) {
            count++;
        }
        long rest = number;
        for (int i = n + count - 1; i >= n; i--) {
            b[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        return n + count;
    }

    /** Writes true, false or null. */
    public JsonOut value(Boolean flag) {
        comma();
        ascii(flag == null ? "null" : flag.toString());
        needComma = true;
        return this;
    }

    /** Writes a string value made of raw bytes decoded as UTF-8 (hex-decoded audit values). */
    public JsonOut utf8Value(byte[] bytes) {
        return value(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Ends a JSON line. */
    public JsonOut newline() {
        put((byte) '\n');
        needComma = false;
        return this;
    }

    /** Returns a copy of the buffered UTF-8 bytes and empties the buffer (what follows starts afresh, without a comma). */
    public byte[] takeBytes() {
        byte[] bytes = java.util.Arrays.copyOf(buffer, size);
        size = 0;
        needComma = false;
        return bytes;
    }

    /**
     * Hands over the buffer that holds what was written (its first {@link #buffered()} bytes) and
     * continues, empty, in {@code next}, which this writer owns from now on: for pipelines that
     * pass buffers on instead of copying them.
     */
    public byte[] exchange(byte[] next) {
        byte[] full = buffer;
        buffer = next;
        size = 0;
        needComma = false;
        return full;
    }

    /**
     * Starts an independent value at the current position (no comma before it), for callers that
     * cut the buffer into separately used pieces; returns that position.
     */
    public int startFragment() {
        needComma = false;
        return size;
    }

    /** Writes {@code json[from, from + length)}, a value already rendered as JSON. */
    public JsonOut rendered(byte[] json, int from, int length) {
        comma();
        ensure(length);
        System.arraycopy(json, from, buffer, size, length);
        size += length;
        needComma = true;
        return this;
    }

    /**
     * Writes the ASCII bytes {@code src[from, to)} as a string value, escaped exactly as
     * {@link #value(String)} escapes the same characters. Every byte must be below 0x80.
     */
    public JsonOut asciiValue(byte[] src, int from, int to) {
        int length = to - from;
        ensure(length * 6 + 11);
        byte[] b = buffer;
        int n = size;
        if (needComma) {
            b[n++] = ',';
        }
        b[n++] = '"';
        boolean escape;
        if (to + 7 < src.length) {
            // Most values are a few bytes: copying and testing a word at a time beats a copy call and a
            // separate test. The last word may carry up to 7 bytes past the value into room ensured above;
            // they are masked out of the test and overwritten.
            long found = 0;
            int i = 0;
            for (; i + 8 <= length; i += 8) {
                long word = ByteWords.word(src, from + i);
                ByteWords.put(b, n + i, word);
                found |= escapeBits(word);
            }
            if (i < length) {
                long word = ByteWords.word(src, from + i);
                ByteWords.put(b, n + i, word);
                found |= escapeBits(word) & ByteWords.lowBytes(length - i);
            }
            escape = found != 0;
        } else {
            System.arraycopy(src, from, b, n, length);
            escape = needsEscape(b, n, length);
        }
        if (escape) {
            for (int i = from; i < to; i++) {
                byte c = src[i];
                if (c >= 0x20) {
                    if (c == '"' || c == '\\') {
                        b[n++] = '\\';
                    }
                    b[n++] = c;
                } else {
                    n = control(b, n, (char) c);
                }
            }
        } else {
            n += length;
        }
        b[n++] = '"';
        size = n;
        needComma = true;
        return this;
    }

    /** Writes a value already rendered as JSON (from {@link #takeBytes()} of a writer that wrote one value). */
    public JsonOut rendered(byte[] json) {
        comma();
        ensure(json.length);
        System.arraycopy(json, 0, buffer, size, json.length);
        size += json.length;
        needComma = true;
        return this;
    }

    /** Writes buffered bytes to the sink. */
    public void flush() {
        try {
            sink.write(buffer, 0, size);
            size = 0;
            sink.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes buffered bytes to the sink when more than {@code threshold} bytes are waiting. */
    public void flushIfOver(int threshold) {
        if (size > threshold) {
            try {
                sink.write(buffer, 0, size);
                size = 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void comma() {
        if (needComma) {
            put((byte) ',');
        }
    }

    private void ascii(String s) {
        ensure(s.length());
        for (int i = 0; i < s.length(); i++) {
            buffer[size++] = (byte) s.charAt(i);
        }
    }

    private void string(String s, int from, int to) {
        ensure((to - from) * 6 + 2);
        byte[] b = buffer;
        int n = size;
        b[n++] = '"';
        n = escapedBody(s, from, to, n);
        b[n++] = '"';
        size = n;
    }

    /** Writes {@code s[from, to)} JSON-escaped and UTF-8 encoded at {@code n}; returns the new end. */
    private int escapedBody(String s, int from, int to, int start) {
        byte[] b = buffer;
        int n = start;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x80) {
                if (c == '"' || c == '\\') {
                    b[n++] = '\\';
                }
                b[n++] = (byte) c;
            } else if (c < 0x20) {
                n = control(b, n, c);
            } else if (c < 0x800) {
                b[n++] = (byte) (0xc0 | (c >> 6));
                b[n++] = (byte) (0x80 | (c & 0x3f));
            } else if (Character.isSurrogate(c)) {
                int cp = Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))
                        ? Character.toCodePoint(c, s.charAt(++i)) : 0xfffd;
                n = codePoint(b, n, cp);
            } else {
                n = codePoint(b, n, c);
            }
        }
        return n;
    }

    private static int control(byte[] b, int n, char c) {
        b[n++] = '\\';
        switch (c) {
            case '\n' -> b[n++] = 'n';
            case '\t' -> b[n++] = 't';
            case '\r' -> b[n++] = 'r';
            default -> {
                b[n++] = 'u';
                b[n++] = '0';
                b[n++] = '0';
                b[n++] = HEX[c >> 4];
                b[n++] = HEX[c & 0xf];
            }
        }
        return n;
    }

    private static int codePoint(byte[] b, int n, int cp) {
        if (cp < 0x10000) {
            b[n++] = (byte) (0xe0 | (cp >> 12));
            b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        } else {
            b[n++] = (byte) (0xf0 | (cp >> 18));
            b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
            b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        }
        b[n++] = (byte) (0x80 | (cp & 0x3f));
        return n;
    }

    private void put(byte b) {
        ensure(1);
        buffer[size++] = b;
    }

    private void ensure(int extra) {
        if (size + extra <= buffer.length) {
            return;
        }
        // Grow rather than flush: callers flush between events, so a flush never splits a UTF-8 sequence.
        buffer = java.util.Arrays.copyOf(buffer, Math.max(size + extra, buffer.length * 2));
    }
}
