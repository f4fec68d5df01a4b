package io.avcwatch.benchmarks;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.ParseResult;
import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.assemble.EventAssembler;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse + assemble throughput on one thread over the make_log.py synthetic mix (plain, ENRICHED,
 * three nodes, USER_AVC/MAC-heavy), all lines held in memory. Scores are records (lines) per
 * second: each invocation handles exactly {@link #LINES} lines, declared with
 * {@code @OperationsPerInvocation}; setup fails if the input does not have that many.
 *
 * <p>{@code -p input=/path/to/log} benchmarks the first {@link #LINES} lines of another file.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class ParseAssembleBenchmark {
    private static final String[] SYNTHETIC = {"plain-500.log", "enriched-500.log", "nodes3-500.log", "mixed-300.log"};
    /** Lines of the four synthetic samples (parsers' conformance inputs). */
    static final int LINES = 5719;

    @Param({"synthetic"})
    public String input;

    private List<String> lines;
    private JsonOut json;
    private EventJsonWriter writer;

    @Setup(Level.Trial)
    public void load() throws IOException {
        lines = new ArrayList<>();
        if ("synthetic".equals(input)) {
            for (String name : SYNTHETIC) {
                try (InputStream in = ParseAssembleBenchmark.class.getResourceAsStream("synthetic/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("missing benchmark input " + name);
                    }
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
                }
            }
        } else {
            try (var stream = Files.lines(Path.of(input), StandardCharsets.UTF_8)) {
                stream.limit(LINES).forEach(lines::add);
            }
        }
        // One writer for the whole trial, as avcwatch parse keeps one per formatter thread.
        json = new JsonOut(OutputStream.nullOutputStream());
        writer = new EventJsonWriter(json, EventJsonWriter.Mode.EVENTS);
        if (lines.size() != LINES) {
            throw new IllegalStateException("benchmark input has " + lines.size() + " lines, expected " + LINES);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long parse(Blackhole sink) {
        long records = 0;
        for (String line : lines) {
            ParseResult result = AuditLineParser.parse(line, true);
            sink.consume(result);
            records++;
        }
        return records;
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long parseAndAssemble(Blackhole sink) {
        long[] events = {0};
        EventAssembler assembler = new EventAssembler(AssemblerSettings.DEFAULT, event -> {
            sink.consume(event);
            events[0]++;
        });
        for (String line : lines) {
            if (AuditLineParser.parse(line, true) instanceof AuditRecord record) {
                assembler.accept(record);
            }
        }
        assembler.flush();
        return events[0];
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public long parseAssembleAndFormatJson() {
        long[] events = {0};
        EventAssembler assembler = new EventAssembler(AssemblerSettings.DEFAULT, (AuditEvent event) -> {
            writer.write(event);
            json.flushIfOver(1 << 16);
            events[0]++;
        });
        for (String line : lines) {
            if (AuditLineParser.parse(line, true) instanceof AuditRecord record) {
                assembler.accept(record);
            }
        }
        assembler.flush();
        json.flush();
        return events[0];
    }
}
