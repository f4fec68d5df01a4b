package io.avcwatch.parsers.json;

import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.ScannedLine;
import java.nio.charset.StandardCharsets;

/**
 * Writes one record's JSON object, the element of an event's {@code records} array, exactly as
 * {@link EventJsonWriter} writes it inside an event: from a {@link ScannedLine} straight from the
 * line's bytes (names and values copied and escaped on the fly, hex values decoded into the
 * output), or from an {@link AuditRecord} for lines the byte scanner declines. Each write starts
 * a fresh value at the writer's current position. Not thread-safe.
 */
public final class RecordFragmentWriter {
    private final JsonOut out;
    private final boolean rawFields;
    private final EventJsonWriter objects;
    private final ByteNameTable names = new ByteNameTable();
    private final ByteContextCache contexts = new ByteContextCache();
    private final ByteNameTable.Entry nodeName = names.pin("node");
    private final ByteNameTable.Entry typeName = names.pin("type");
    private final ByteNameTable.Entry seresult = names.pin("seresult");
    private final ByteNameTable.Entry seperms = names.pin("seperms");
    private final ByteNameTable.Entry scontext = names.pin("scontext");
    private final ByteNameTable.Entry tcontext = names.pin("tcontext");
    private final ByteNameTable.Entry tclass = names.pin("tclass");
    private final ByteNameTable.Entry permissive = names.pin("permissive");
    private ByteNameTable.Entry[] entries = new ByteNameTable.Entry[64];
    private byte[] hex = new byte[256];
    private long marks;

    /** A writer of {@code mode} record objects into {@code out}. */
    public RecordFragmentWriter(JsonOut out, EventJsonWriter.Mode mode) {
        this.out = out;
        this.rawFields = mode == EventJsonWriter.Mode.RAW_FIELDS;
        this.objects = new EventJsonWriter(out, mode);
    }

    /** Writes {@code record}'s object. */
    public void write(AuditRecord record) {
        out.startFragment();
        objects.writeRecord(record);
    }

    /**
     * Writes the object of the scanned record; false (nothing written) in the rare case that the
     * record holds too many distinct names for the name table: then write the parsed record.
     */
    public boolean write(ScannedLine line) {
        names.beginRecord();
        int size = line.size();
        if (entries.length < size) {
            entries = new ByteNameTable.Entry[Math.max(size, entries.length * 2)];
        }
        byte[] b = line.line();
        for (int i = 0; i < size; i++) {
            int from = line.nameFrom(i);
            ByteNameTable.Entry entry = from == ScannedLine.SERESULT ? seresult
                    : from == ScannedLine.SEPERMS ? seperms : names.get(b, from, line.nameTo(i), line.nameHash(i));
            if (entry == null) {
                return false;
            }
            entries[i] = entry;
        }
        out.startFragment();
        out.beginObject();
        out.name("type").value(line.type());
        if (rawFields) {
            writeRaw(line);
        } else {
            out.name("fields");
            boolean execve = "EXECVE".equals(line.type());
            writeDecoded(line, 0, line.bodyFields(), execve);
            if (line.size() > line.bodyFields()) {
                out.name("enriched");
                writeDecoded(line, line.bodyFields(), line.size(), execve);
            }
            if ("AVC".equals(line.type()) || "USER_AVC".equals(line.type())) {
                writeAvc(line);
            }
        }
        out.endObject();
        return true;
    }

    private void writeDecoded(ScannedLine line, int from, int to, boolean execve) {
        long mark = ++marks;
        out.beginObject();
        for (int i = from; i < to; i++) {
            ByteNameTable.Entry entry = entries[i];
            if (entry.mark != mark) {
                entry.mark = mark;
                entry.count = 1;
                out.name(entry.json);
            } else {
                out.name(entry.name, ++entry.count);
            }
            decodedValue(line, i, entry.encodedIn(execve));
        }
        out.endObject();
    }

    /** Quotes removed; upper-case hex decoded for fields that may be hex-encoded; else the raw value. */
    private void decodedValue(ScannedLine line, int i, boolean encoded) {
        byte[] s = line.isComputed(i) ? line.computedBytes() : line.line();
        int from = line.valueFrom(i);
        int to = line.valueTo(i);
        int length = to - from;
        if (length >= 2 && s[from] == '"' && s[to - 1] == '"') {
            out.asciiValue(s, from + 1, to - 1);
        } else if (length > 0 && (length & 1) == 0 && encoded && isUpperHex(s, from, to)) {
            int size = length / 2;
            if (hex.length < size) {
                hex = new byte[Math.max(size, hex.length * 2)];
            }
            byte high = 0;
            for (int k = 0; k < size; k++) {
                byte decoded = (byte) ((digit(s[from + 2 * k]) << 4) | digit(s[from + 2 * k + 1]));
                hex[k] = decoded;
                high |= decoded;
            }
            if (high < 0) {
                // Not ASCII: Java's UTF-8 decoding (and its replacement of invalid sequences) decides.
                out.value(new String(hex, 0, size, StandardCharsets.UTF_8));
            } else {
                out.asciiValue(hex, 0, size);
            }
        } else {
            out.asciiValue(s, from, to);
        }
    }

    /** auparse's view: node and type first (a later field of that name wins), then each name once with its last value. */
    private void writeRaw(ScannedLine line) {
        long mark = ++marks;
        int body = line.bodyFields();
        for (int i = 0; i < body; i++) {
            ByteNameTable.Entry entry = entries[i];
            entry.mark = mark;
            entry.last = i;
        }
        out.name("fields").beginObject();
        if (line.node() != null) {
            out.name(nodeName.json);
            if (nodeName.mark == mark) {
                rawValue(line, nodeName.last);
            } else {
                out.value(line.node());
            }
        }
        out.name(typeName.json);
        if (typeName.mark == mark) {
            rawValue(line, typeName.last);
        } else {
            out.asciiValue(line.line(), line.rawTypeFrom(), line.rawTypeTo());
        }
        for (int i = 0; i < body; i++) {
            ByteNameTable.Entry entry = entries[i];
            if (entry == nodeName || entry == typeName || entry.written == mark) {
                continue;
            }
            entry.written = mark;
            out.name(entry.json);
            rawValue(line, entry.last);
        }
        out.endObject();
    }

    private void rawValue(ScannedLine line, int i) {
        out.asciiValue(line.isComputed(i) ? line.computedBytes() : line.line(), line.valueFrom(i), line.valueTo(i));
    }

    private void writeAvc(ScannedLine line) {
        int verdict = -1;
        int perms = -1;
        int source = -1;
        int target = -1;
        int targetClass = -1;
        int permissiveAt = -1;
        for (int i = line.bodyFields() - 1; i >= 0; i--) {
            ByteNameTable.Entry entry = entries[i];
            if (entry == seresult) {
                verdict = i;
            } else if (entry == seperms) {
                perms = i;
            } else if (entry == scontext) {
                source = i;
            } else if (entry == tcontext) {
                target = i;
            } else if (entry == tclass) {
                targetClass = i;
            } else if (entry == permissive) {
                permissiveAt = i;
            }
        }
        out.name("avc").beginObject();
        out.name("verdict");
        if (verdict < 0) {
            out.value((String) null);
        } else {
            rawValue(line, verdict);
        }
        out.name("perms").beginArray();
        if (perms >= 0) {
            byte[] s = line.isComputed(perms) ? line.computedBytes() : line.line();
            int start = line.valueFrom(perms);
            int end = line.valueTo(perms);
            for (int comma = start; comma < end; comma++) {
                if (s[comma] == ',') {
                    out.asciiValue(s, start, comma);
                    start = comma + 1;
                }
            }
            out.asciiValue(s, start, end);
        }
        out.endArray();
        writeContext("scontext", line, source);
        writeContext("tcontext", line, target);
        out.name("tclass");
        if (targetClass < 0) {
            out.value((String) null);
        } else {
            byte[] s = line.line();
            int from = line.valueFrom(targetClass);
            int to = line.valueTo(targetClass);
            if (to - from >= 2 && s[from] == '"' && s[to - 1] == '"') {
                out.asciiValue(s, from + 1, to - 1);
            } else {
                out.asciiValue(s, from, to);
            }
        }
        out.name("permissive");
        if (permissiveAt < 0) {
            out.value((Boolean) null);
        } else {
            int from = line.valueFrom(permissiveAt);
            boolean zero = line.valueTo(permissiveAt) - from == 1 && line.line()[from] == '0';
            out.value(Boolean.valueOf(!zero));
        }
        out.endObject();
    }

    private void writeContext(String name, ScannedLine line, int i) {
        out.name(name);
        if (i < 0) {
            out.value((String) null);
            return;
        }
        byte[] s = line.line();
        int from = line.valueFrom(i);
        int to = line.valueTo(i);
        if (to - from >= 2 && s[from] == '"' && s[to - 1] == '"') {
            from++;
            to--;
        }
        out.rendered(contexts.json(s, from, to));
    }

    private static boolean isUpperHex(byte[] s, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = s[i];
            if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    private static int digit(byte c) {
        return c <= '9' ? c - '0' : c - 'A' + 10;
    }
}
