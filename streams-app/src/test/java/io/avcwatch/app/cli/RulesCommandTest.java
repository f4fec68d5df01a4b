package io.avcwatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RulesCommandTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String... args) {
        final CommandLine cl = AvcwatchCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void listPrintsEveryBuiltInRule() {
        assertThat(run("rules", "list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .contains("R3 ", "critical!", "api_socket", "T1552.007", "H1 ", "mac_event", "H6 ", "container")
                .containsPattern("R1 +high\\(critical\\) +denial +host_write");
    }

    @Test
    void checkAcceptsAValidFile() throws Exception {
        final Path f = Files.writeString(tmp.resolve("site.yaml"), String.join("\n",
                "rules:",
                "  - id: SITE1",
                "    title: Web containers reading the app secret",
                "    family: site_secret",
                "    severity: high",
                "    summary: \"{container} read {target}\"",
                "    explanation: The secret is for the batch tier only.",
                "    match: {source_type: \"@container_domains\", path: {regex: '^/srv/secret'}}",
                "suppressions:",
                "  - {reason: node-exporter reads disks, rules: [R9], image: 'quay.io/prometheus/node-exporter*', perms: [read]}",
                ""));
        assertThat(run("rules", "check", f.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("site.yaml: OK, 1 rules (SITE1), 1 suppressions");
    }

    @Test
    void checkReportsEachProblemWithItsLineAndExitsWithUserError() throws Exception {
        final Path f = Files.writeString(tmp.resolve("bad.yaml"), String.join("\n",
                "rules:",
                "  - id: BAD1",
                "    title: t",
                "    family: f",
                "    severity: hgih",
                "    summary: s",
                "    explanation: e",
                "    match: {tclass: file}",
                "suppressions:",
                "  - {reason: pairs, categories: 'c1,c2'}",
                "  - {reason: never, rules: [R3], comm: nc}",
                ""));
        assertThat(run("rules", "check", f.toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString())
                .contains(f + ":5:15: rule BAD1: severity must be one of")
                .contains(f + ":10:5: suppression: cannot key on 'categories'")
                .contains(f + ":11:").contains("R3 always pages")
                .contains("avcwatch: 3 problems in rule files")
                .doesNotContain("Exception");
    }

    @Test
    void checkOfAMissingFileIsAOneLineUserError() {
        assertThat(run("rules", "check", tmp.resolve("nope.yaml").toString())).isEqualTo(ExitCodes.USER_ERROR);
        assertThat(err.toString()).contains("rule file not found").doesNotContain("Exception");
    }
}
