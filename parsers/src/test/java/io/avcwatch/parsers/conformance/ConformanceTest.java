package io.avcwatch.parsers.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code --raw-fields} output against auparse ({@code oracle.py --no-interpret}) over the public
 * corpus, the scenarios and make_log.py samples, record by record (node, serial, type, n-th;
 * EOE ignored). The oracle's output is committed beside each input; regenerate it with
 * {@code -Dgolden.update=true} (needs python3-audit; {@code -Doracle.path=} when the shared
 * folder is not at {@code ../shared} of the repository).
 */
class ConformanceTest {

    @BeforeAll
    static void regenerateGoldenFilesWhenAsked() throws Exception {
        if (!Boolean.getBoolean("golden.update")) {
            return;
        }
        String oracle = System.getProperty("oracle.path", Path.of("..", "..", "shared", "tools", "oracle.py").toString());
        for (Path input : Conformance.inputs()) {
            Conformance.regenerate(input, oracle);
        }
    }

    @Test
    void everyInputHasItsGoldenFile() {
        List<Path> inputs = Conformance.inputs();
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(40);
        for (Path input : inputs) {
            assertThat(Conformance.golden(input)).as("golden of " + input).exists();
        }
    }

    @Test
    void agreesWithAuparseOnAtLeast99Point5PercentOfRecords() throws Exception {
        Conformance.Tally tally = new Conformance.Tally();
        for (Path input : Conformance.inputs()) {
            Map<OracleRecords.Key, Map<String, Object>> oracle = Conformance.oracle(input);
            Map<OracleRecords.Key, Map<String, Object>> ours = Conformance.ours(input);
            Set<OracleRecords.Key> keys = new LinkedHashSet<>(oracle.keySet());
            keys.addAll(ours.keySet());
            for (OracleRecords.Key key : keys) {
                tally.add(input, key, Conformance.compare(key.type(), oracle.get(key), ours.get(key)));
            }
        }
        long agreeing = tally.count(Conformance.Verdict.AGREE) + tally.count(Conformance.Verdict.QUIRK_QUOTED_SPACES)
                + tally.count(Conformance.Verdict.QUIRK_USER_AVC_VERDICT);
        double rate = (double) agreeing / tally.total();
        String report = "records " + tally.total() + " " + tally.counts + String.format(" rate %.5f%n", rate)
                + String.join("\n", tally.differences) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "conformance-report.txt"), report, StandardCharsets.UTF_8);
        assertThat(tally.total()).isGreaterThan(10_000);
        assertThat(rate).as(report).isGreaterThanOrEqualTo(0.995);
        assertThat(tally.count(Conformance.Verdict.AGREE)).isGreaterThan(tally.total() * 98 / 100);
    }
}
