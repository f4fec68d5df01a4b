package io.avcwatch.parsers.conformance;

import io.avcwatch.parsers.assemble.AssemblerSettings;
import io.avcwatch.parsers.json.EventJsonWriter;
import io.avcwatch.parsers.json.JsonOut;
import io.avcwatch.parsers.stream.AuditStreamParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Shared plumbing of the conformance tests: inputs, golden oracle output, and our
 * {@code --raw-fields} output for the same input.
 */
final class Conformance {
    static final Path ROOT = Path.of("src/test/resources/io/avcwatch/parsers/conformance");
    static final String GOLDEN_SUFFIX = ".oracle.jsonl";

    private Conformance() {
    }

    /** Every input log under the conformance folder, sorted. */
    static List<Path> inputs() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The golden file beside {@code input}. */
    static Path golden(Path input) {
        String name = input.getFileName().toString();
        return input.resolveSibling(name.substring(0, name.length() - 4) + GOLDEN_SUFFIX);
    }

    /** Runs the oracle on {@code input} and writes its output beside it. */
    static void regenerate(Path input, String oracle) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(oracle, "--no-interpret", input.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(golden(input).toFile())
                .start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("oracle failed on " + input);
        }
    }

    /** The oracle's records for {@code input} from its golden file. */
    static Map<OracleRecords.Key, Map<String, Object>> oracle(Path input) throws IOException {
        return OracleRecords.read(Files.readAllLines(golden(input), StandardCharsets.UTF_8));
    }

    /** Our {@code --raw-fields} lines for {@code input}. */
    static List<String> ourLines(Path input) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        JsonOut json = new JsonOut(bytes);
        EventJsonWriter writer = new EventJsonWriter(json, EventJsonWriter.Mode.RAW_FIELDS);
        AuditStreamParser parser = new AuditStreamParser(AssemblerSettings.DEFAULT, writer::write, (n, e) -> { });
        try (InputStream in = Files.newInputStream(input)) {
            parser.parse(in);
        }
        parser.finish();
        json.flush();
        return List.of(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    /** Our records for {@code input}. */
    static Map<OracleRecords.Key, Map<String, Object>> ours(Path input) throws IOException {
        return OracleRecords.read(ourLines(input));
    }

    /** How one record compares. */
    enum Verdict {
        AGREE,
        /** auparse cuts a double-quoted value at its first space; we keep it whole. */
        QUIRK_QUOTED_SPACES,
        /** auparse does not read the verdict of USER_AVC (none, or the word {@code user}); we do. */
        QUIRK_USER_AVC_VERDICT,
        DIFFERENT,
        ONLY_ORACLE,
        ONLY_OURS
    }

    /** Compares one record present on one or both sides. */
    static Verdict compare(String type, Map<String, Object> oracle, Map<String, Object> ours) {
        if (oracle == null) {
            return Verdict.ONLY_OURS;
        }
        if (ours == null) {
            return Verdict.ONLY_ORACLE;
        }
        if (oracle.equals(ours)) {
            return Verdict.AGREE;
        }
        Map<String, Object> cut = cutQuotedAtSpace(ours);
        if (oracle.equals(cut)) {
            return Verdict.QUIRK_QUOTED_SPACES;
        }
        if ("USER_AVC".equals(type) && withoutVerdict(oracle).equals(withoutVerdict(cut))) {
            return Verdict.QUIRK_USER_AVC_VERDICT;
        }
        return Verdict.DIFFERENT;
    }

    /** {@code "a b c"} becomes {@code "a}, as auparse reads it. */
    static Map<String, Object> cutQuotedAtSpace(Map<String, Object> fields) {
        Map<String, Object> cut = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            String s = (String) value;
            cut.put(name, s.startsWith("\"") && s.indexOf(' ') > 0 ? s.substring(0, s.indexOf(' ')) : s);
        });
        return cut;
    }

    private static Map<String, Object> withoutVerdict(Map<String, Object> fields) {
        Map<String, Object> rest = new LinkedHashMap<>(fields);
        rest.remove("seresult");
        rest.remove("seperms");
        return rest;
    }

    /** Per-verdict counts and the keys that differ. */
    static final class Tally {
        final Map<Verdict, Long> counts = new LinkedHashMap<>();
        final List<String> differences = new ArrayList<>();

        void add(Path input, OracleRecords.Key key, Verdict verdict) {
            counts.merge(verdict, 1L, Long::sum);
            if (verdict == Verdict.DIFFERENT || verdict == Verdict.ONLY_ORACLE || verdict == Verdict.ONLY_OURS) {
                differences.add(input.getFileName() + " " + key + " " + verdict);
            }
        }

        long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        long count(Verdict verdict) {
            return counts.getOrDefault(verdict, 0L);
        }
    }
}
