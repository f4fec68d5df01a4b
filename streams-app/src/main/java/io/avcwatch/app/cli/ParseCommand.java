package io.avcwatch.app.cli;

import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.stream.AuditStreamParser;
import io.avcwatch.parsers.stream.ByteStreamParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code avcwatch parse [--raw-fields] FILE...|-}: parse and assemble audit logs without Kafka
 * and print one JSON event per line. Unreadable lines are reported on stderr with their line
 * number; a summary (lines, events, errors, lost events) ends the run on stderr.
 */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse audit logs (no Kafka) and print one JSON event per line.")
public final class ParseCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--raw-fields", description = "Print auparse's view: raw values, node and type as fields "
            + "(comparable with oracle.py --no-interpret).")
    private boolean rawFields;

    @Option(names = "--timeout-ms", defaultValue = "2000",
            description = "Event-time timeout that completes an event without EOE (default: ${DEFAULT-VALUE}).")
    private long timeoutMillis;

    @Option(names = "--max-in-flight", defaultValue = "10000",
            description = "Most incomplete events held at once (default: ${DEFAULT-VALUE}).")
    private int maxInFlight;

    @Option(names = "--quiet", description = "Do not print parse errors and the summary on stderr.")
    private boolean quiet;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Audit log files (.gz allowed), or - for stdin.")
    private List<String> files;

    @Override
    public Integer call() {
        if (timeoutMillis < 0 || maxInFlight < 1) {
            throw new UserException("--timeout-ms must be >= 0 and --max-in-flight >= 1");
        }
        for (String file : files) {
            if (!"-".equals(file) && !Files.isReadable(Path.of(file))) {
                throw new UserException("cannot read " + file);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        EventJsonWriter.Mode mode = rawFields ? EventJsonWriter.Mode.RAW_FIELDS : EventJsonWriter.Mode.EVENTS;
        AssemblerSettings settings = new AssemblerSettings(timeoutMillis, maxInFlight);
        AuditStreamParser.ErrorSink errors = (line, error) -> {
            if (!quiet) {
                err.println("avcwatch: line " + line + ": " + error.kind() + " (" + error.detail() + "): "
                        + error.raw());
            }
        };
        // Lines are scanned and rendered on this many helper threads (order-preserving).
        int threads = Integer.getInteger("avcwatch.parse.threads", Runtime.getRuntime().availableProcessors());
        PrintWriter out = spec.commandLine().getOut();
        AuditStreamParser.Stats stats;
        try (ByteStreamParser parser = out instanceof StandardOutput stdout
                ? new ByteStreamParser(settings, mode, stdout.bytes(), errors, threads)
                : new ByteStreamParser(settings, mode, out, errors, threads)) {
            for (String file : files) {
                try (InputStream in = open(file)) {
                    parser.parse(in);
                } catch (NoSuchFileException e) {
                    throw new UserException("cannot read " + file, e);
                } catch (IOException e) {
                    throw new UserException("cannot read " + file + ": " + e.getMessage(), e);
                }
            }
            parser.finish();
            stats = parser.stats();
        } catch (UncheckedIOException e) {
            // Only the output fails this way (input errors are UserExceptions above).
            if (isBrokenPipe(e)) {
                // The reader went away (| head): nothing is left to print to, which is not an error.
                err.flush();
                return ExitCodes.OK;
            }
            throw new UserException("cannot write the output: " + e.getCause().getMessage(), e);
        }
        if (!quiet) {
            err.println("avcwatch parse: " + stats.lines() + " lines, " + stats.records() + " records, "
                    + stats.events() + " events, " + stats.errors() + " unreadable, " + stats.skipped()
                    + " skipped, lost events " + sortedByNode(stats.lostEvents()));
        }
        err.flush();
        return ExitCodes.OK;
    }

    /** Java ignores SIGPIPE, so a closed pipe shows as this IOException (the message is the OS's EPIPE text). */
    private static boolean isBrokenPipe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IOException && "Broken pipe".equals(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static InputStream open(String file) throws IOException {
        if ("-".equals(file)) {
            return new NonClosingInputStream(System.in);
        }
        InputStream in = Files.newInputStream(Path.of(file));
        return file.endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** stdin stays open for the rest of the process. */
    private static final class NonClosingInputStream extends java.io.FilterInputStream {
        NonClosingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // System.in belongs to the process.
        }
    }

    /** The same counts in node order: the stats map's own order changes from run to run. */
    private static Map<String, Long> sortedByNode(Map<String, Long> counts) {
        Map<String, Long> sorted = new TreeMap<>(Comparator.nullsFirst(Comparator.<String>naturalOrder()));
        sorted.putAll(counts);
        return sorted;
    }
}
