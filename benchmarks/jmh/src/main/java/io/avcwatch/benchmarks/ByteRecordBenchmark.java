package io.avcwatch.benchmarks;

import io.avcwatch.parsers.ByteLineScanner;
import io.avcwatch.parsers.ScannedLine;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import io.avcwatch.parsers.json.RecordFragmentWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The byte path's per-line work on one thread, what each {@code avcwatch parse} helper thread does:
 * scan a line's bytes ({@link ByteLineScanner}) and render the record's JSON object
 * ({@link RecordFragmentWriter}), over the same synthetic mix as {@link ParseAssembleBenchmark}
 * held in memory as bytes. Scores are records (lines) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class ByteRecordBenchmark {
    private static final String[] SYNTHETIC = {"plain-500.log", "enriched-500.log", "nodes3-500.log", "mixed-300.log"};

    @Param({"EVENTS", "RAW_FIELDS"})
    public String mode;

    private byte[] input;
    private int[] lineStarts;
    private ScannedLine scanned;
    private JsonOut json;
    private RecordFragmentWriter writer;

    @Setup(Level.Trial)
    public void load() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String name : SYNTHETIC) {
            try (InputStream in = ByteRecordBenchmark.class.getResourceAsStream("synthetic/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("missing benchmark input " + name);
                }
                all.write(in.readAllBytes());
            }
        }
        input = all.toByteArray();
        int lines = 0;
        lineStarts = new int[ParseAssembleBenchmark.LINES + 1];
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n') {
                lineStarts[++lines] = i + 1;
            }
        }
        if (lines != ParseAssembleBenchmark.LINES) {
            throw new IllegalStateException("benchmark input has " + lines + " lines, expected "
                    + ParseAssembleBenchmark.LINES);
        }
        scanned = new ScannedLine();
        json = new JsonOut(OutputStream.nullOutputStream());
        writer = new RecordFragmentWriter(json, EventJsonWriter.Mode.valueOf(mode));
    }

    @Benchmark
    @OperationsPerInvocation(ParseAssembleBenchmark.LINES)
    public long scanAndRender() {
        long rendered = 0;
        for (int i = 0; i < ParseAssembleBenchmark.LINES; i++) {
            if (ByteLineScanner.scan(input, lineStarts[i], lineStarts[i + 1] - 1, scanned) && writer.write(scanned)) {
                rendered++;
            }
            json.flushIfOver(1 << 16);
        }
        return rendered;
    }
}
