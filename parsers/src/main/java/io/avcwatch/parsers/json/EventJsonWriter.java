package io.avcwatch.parsers.json;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.FieldValues;
import io.avcwatch.parsers.Fields;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link AuditEvent}s as JSON lines: the {@code audit.events} value (documented in
 * {@code audit-event.schema.json}), or with {@link Mode#RAW_FIELDS} the auparse view used for
 * conformance (raw values, {@code node} and {@code type} as fields, last duplicate wins).
 * Not thread-safe.
 */
public final class EventJsonWriter {

    /** Output shape. */
    public enum Mode {
        /** Decoded values, enriched pairs and a parsed {@code avc} object. */
        EVENTS,
        /** Raw values exactly as auparse reports them. */
        RAW_FIELDS
    }

    private final JsonOut out;
    private final Mode mode;
    private final RawValueSink rawSink = new RawValueSink();
    private final DecodedValueSink decodedSink = new DecodedValueSink();
    private final ContextCache contexts = new ContextCache();
    private final FieldNameTable names = new FieldNameTable();
    /** Counts field lists written, to mark names seen in the current one. */
    private long fieldsWritten;

    /** A writer of {@code mode} output into {@code out}. */
    public EventJsonWriter(JsonOut out, Mode mode) {
        this.out = out;
        this.mode = mode;
    }

    /** Writes one event and a newline. */
    public void write(AuditEvent event) {
        out.beginObject();
        out.name("node").value(event.node());
        out.name("serial").value(event.id().serial());
        out.name("timestamp").secondsValue(event.id().epochMillis());
        out.name("records").beginArray();
        for (AuditRecord record : event.records()) {
            writeRecord(record);
        }
        out.endArray();
        out.endObject();
        out.newline();
    }

    /** Writes one record's object, as an element of the event's {@code records} array. */
    public void writeRecord(AuditRecord record) {
        if (mode == Mode.RAW_FIELDS) {
            writeRawRecord(record);
        } else {
            writeDecodedRecord(record);
        }
    }

    private void writeRawRecord(AuditRecord record) {
        out.beginObject();
        out.name("type").value(record.type());
        out.name("fields").beginObject();
        Fields fields = record.fields();
        rawSink.ascii = fields.isAscii();
        // auparse reports node and type as fields; a later type= glued onto the line overrides it.
        if (record.node() != null) {
            writeLastOr(fields, "node", record.node());
        }
        writeLastOr(fields, "type", record.rawType());
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i);
            boolean repeats = fields.mayRepeatNames();
            if ("node".equals(name) || "type".equals(name) || (repeats && seenBefore(fields, i))) {
                continue;
            }
            out.name(names.get(name).json);
            fields.rawTo(repeats ? fields.lastIndexOf(name) : i, rawSink);
        }
        out.endObject();
        out.endObject();
    }

    private void writeLastOr(Fields fields, String name, String fallback) {
        int last = fields.lastIndexOf(name);
        out.name(name);
        if (last < 0) {
            out.value(fallback);
        } else {
            fields.rawTo(last, rawSink);
        }
    }

    private static boolean seenBefore(Fields fields, int i) {
        String name = fields.name(i);
        for (int j = 0; j < i; j++) {
            if (fields.name(j).equals(name)) {
                return true;
            }
        }
        return false;
    }

    private void writeDecodedRecord(AuditRecord record) {
        out.beginObject();
        out.name("type").value(record.type());
        out.name("fields");
        decodedSink.execve = "EXECVE".equals(record.type());
        writeDecoded(record.fields());
        if (record.enriched().size() > 0) {
            out.name("enriched");
            writeDecoded(record.enriched());
        }
        if (record.isAvc()) {
            writeAvc(record);
        }
        out.endObject();
    }

    private void writeDecoded(Fields fields) {
        decodedSink.ascii = fields.isAscii();
        boolean repeats = fields.mayRepeatNames();
        long mark = ++fieldsWritten;
        int generation = names.generation();
        out.beginObject();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.name(i);
            FieldNameTable.Entry entry = names.get(name);
            int occurrence = 1;
            if (repeats) {
                // A name already marked by this record repeats (rare): count it. After the table
                // was emptied mid-record the marks are gone, so count every name.
                if (entry.seenIn == mark || names.generation() != generation) {
                    occurrence = occurrence(fields, i);
                }
                entry.seenIn = mark;
            }
            if (occurrence == 1) {
                out.name(entry.json);
            } else {
                out.name(name, occurrence);
            }
            decodedSink.encoded = entry.encodedIn(decodedSink.execve);
            fields.rawTo(i, decodedSink);
        }
        out.endObject();
    }

    private static int occurrence(Fields fields, int i) {
        String name = fields.name(i);
        int count = 1;
        for (int j = 0; j < i; j++) {
            if (fields.name(j).equals(name)) {
                count++;
            }
        }
        return count;
    }

    private void writeAvc(AuditRecord record) {
        Fields fields = record.fields();
        out.name("avc").beginObject();
        out.name("verdict").value(fields.raw("seresult"));
        out.name("perms").beginArray();
        String perms = fields.raw("seperms");
        if (perms != null) {
            int start = 0;
            for (int comma = perms.indexOf(','); comma >= 0; comma = perms.indexOf(',', start)) {
                out.value(perms, start, comma);
                start = comma + 1;
            }
            out.value(perms, start, perms.length());
        }
        out.endArray();
        writeContext("scontext", fields.value("scontext"));
        writeContext("tcontext", fields.value("tcontext"));
        out.name("tclass").value(fields.value("tclass"));
        String permissive = fields.raw("permissive");
        out.name("permissive").value(permissive == null ? null : !"0".equals(permissive));
        out.endObject();
    }

    private void writeContext(String name, String raw) {
        out.name(name);
        if (raw == null) {
            out.value((String) null);
        } else {
            out.rendered(contexts.json(raw));
        }
    }

    private final class RawValueSink implements Fields.RawSink {
        private boolean ascii;

        @Override
        public void append(String s, int from, int to) {
            out.value(s, from, to, ascii);
        }
    }

    private final class DecodedValueSink implements Fields.RawSink {
        private boolean execve;
        /** The current field may be hex-encoded ({@link FieldValues#isEncoded(String, String)}). */
        private boolean encoded;
        private boolean ascii;

        @Override
        public void append(String s, int from, int to) {
            int length = to - from;
            if (length >= 2 && s.charAt(from) == '"' && s.charAt(to - 1) == '"') {
                out.value(s, from + 1, to - 1, ascii);
            } else if (length > 0 && (length & 1) == 0 && encoded && isUpperHex(s, from, to)) {
                out.value(new String(FieldValues.hexBytes(s.substring(from, to)), StandardCharsets.UTF_8));
            } else {
                out.value(s, from, to, ascii);
            }
        }

        private boolean isUpperHex(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (!(c >= '0' && c <= '9') && !(c >= 'A' && c <= 'F')) {
                    return false;
                }
            }
            return true;
        }
    }
}
