package io.avcwatch.parsers.stream;

import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.ByteLineScanner;
import io.avcwatch.parsers.ByteWords;
import io.avcwatch.parsers.ParseError;
import io.avcwatch.parsers.ParseResult;
import io.avcwatch.parsers.ScannedLine;
import io.avcwatch.parsers.assemble.Completion;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import io.avcwatch.parsers.json.RecordFragmentWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;

/**
 * One parsing thread's work on a block: split it into lines, scan each line's bytes and render the
 * record's JSON object at once ({@link ByteLineScanner}, {@link RecordFragmentWriter}); lines the
 * scanner declines (syslog, journald, non-ASCII, unreadable) go through {@link AuditLineParser} and
 * are rendered from the parsed record, so every line gives what the object path gives. One
 * instance per thread.
 */
final class BlockParser {
    private static final long NEWLINES = ByteWords.broadcast('\n');
    /** Lines per call of {@link #lines}: short enough that the loop is compiled as a method, not by OSR. */
    private static final int LINES_PER_CALL = 64;

    private final ScannedLine scanned = new ScannedLine();
    private final JsonOut json = new JsonOut(OutputStream.nullOutputStream());
    private final RecordFragmentWriter writer;
    private final BlockingQueue<byte[]> spareFragments;
    private Object[] results = new Object[8192];
    private RecordRef[] refs = new RecordRef[8192];
    private int refCount;
    /** Set by {@link #lineEnd}: whether the line held a byte of 0x80 or more. */
    private boolean highBit;
    /** Set by {@link #lineEnd}: whether the line held a byte below 0x20 (a tab, CR, the ENRICHED separator). */
    private boolean controlByte;
    /** How many of {@link #results} the block being parsed has filled (advanced by {@link #lines}). */
    private int filled;

    BlockParser(EventJsonWriter.Mode mode, BlockingQueue<byte[]> spareFragments) {
        this.writer = new RecordFragmentWriter(json, mode);
        this.spareFragments = spareFragments;
    }

    ParsedBlock parse(BlockReader.Block block) {
        byte[] b = block.bytes();
        int length = block.length();
        int count = 0;
        refCount = 0;
        if (block.cut()) {
            results[count++] = new ParseError(ParseError.Kind.TRUNCATED,
                    "line longer than " + LineReader.MAX_LINE + " bytes, cut", text(b, 0, length, !hasHighBit(b, length)));
        } else {
            filled = count;
            for (int start = 0; start < length; ) {
                start = lines(b, start, length);
            }
            count = filled;
        }
        byte[] next = spareFragments.poll();
        byte[] fragments = json.exchange(next != null ? next : new byte[Math.max(2 * length, 1 << 16)]);
        for (int i = 0; i < refCount; i++) {
            refs[i].bytes = fragments;
            refs[i] = null;
        }
        Object[] taken = java.util.Arrays.copyOf(results, count);
        java.util.Arrays.fill(results, 0, count, null);
        return new ParsedBlock(b, taken, count, fragments);
    }

    /**
     * Parses up to {@value #LINES_PER_CALL} lines from {@code start} into {@code results[filled...]};
     * returns where the next line starts. Short calls keep
     * the hot loop out of on-stack replacement: a 1 MiB block is ~5,000 lines, so one loop over a block
     * was compiled twice (OSR, then normally), each time with everything it inlines.
     */
    private int lines(byte[] b, int start, int length) {
        int count = filled;
        if (count + LINES_PER_CALL > results.length) {
            results = java.util.Arrays.copyOf(results, Math.max(results.length * 2, count + LINES_PER_CALL));
        }
        int from = start;
        for (int n = 0; n < LINES_PER_CALL && from < length; n++) {
            int end = lineEnd(b, from, length);
            results[count++] = line(b, from, end, !highBit, !controlByte);
            from = end + 1;
        }
        filled = count;
        return from;
    }

    private Object line(byte[] b, int from, int to, boolean ascii, boolean noControlBytes) {
        if (ascii && ByteLineScanner.scan(b, from, to, scanned, noControlBytes)) {
            int start = json.buffered();
            if (writer.write(scanned)) {
                String type = scanned.type();
                long serial = scanned.serial();
                return ref(new RecordRef(scanned.node(), scanned.node(), serial, scanned.epochMillis(), type,
                        Completion.isStandalone(serial, AuditRecord.typeNumber(type)), start,
                        json.buffered() - start));
            }
        }
        ParseResult result = AuditLineParser.parse(text(b, from, to, ascii), ascii);
        if (result instanceof AuditRecord record) {
            int start = json.buffered();
            writer.write(record);
            return ref(new RecordRef(record.node(), record.host(), record.id().serial(), record.id().epochMillis(),
                    record.type(), Completion.isStandalone(record), start, json.buffered() - start));
        }
        return result;
    }

    private RecordRef ref(RecordRef ref) {
        if (refCount == refs.length) {
            refs = java.util.Arrays.copyOf(refs, refCount * 2);
        }
        refs[refCount++] = ref;
        return ref;
    }

    /** The line as {@link LineReader} gives it: Latin-1 when ASCII, else UTF-8 with U+FFFD for malformed bytes. */
    private static String text(byte[] b, int from, int to, boolean ascii) {
        return new String(b, from, to - from, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    private static boolean hasHighBit(byte[] b, int length) {
        for (int i = 0; i < length; i++) {
            if (b[i] < 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Index of the first {@code \n} at or after {@code from}, or {@code to}; sets {@link #highBit} and
     * {@link #controlByte} for the bytes before it. Eight bytes at a time: this loop touches every input byte.
     */
    private int lineEnd(byte[] b, int from, int to) {
        long high = 0;
        long control = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = ByteWords.word(b, i);
            long found = ByteWords.zeroBytes(word ^ NEWLINES);
            long below = ByteWords.controlBytes(word);
            if (found != 0) {
                int offset = ByteWords.firstMarked(found);
                long before = ByteWords.lowBytes(offset);
                high |= word & before;
                control |= below & before;
                highBit = (high & ByteWords.HIGHS) != 0;
                controlByte = control != 0;
                return i + offset;
            }
            high |= word;
            control |= below;
        }
        boolean any = (high & ByteWords.HIGHS) != 0;
        boolean anyControl = control != 0;
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n') {
                break;
            }
            any |= c < 0;
            anyControl |= c >= 0 && c < 0x20;
        }
        highBit = any;
        controlByte = anyControl;
        return i;
    }
}
