package io.avcwatch.app.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleLoaderTest {

    private static List<RuleFileError> errors(final String text) {
        final List<RuleSource> sources = new ArrayList<>(RuleLoader.builtInSources());
        sources.add(new RuleSource("site.yaml", text));
        final LoadResult r = RuleLoader.load(sources);
        assertThat(r).isInstanceOf(LoadResult.Invalid.class);
        return ((LoadResult.Invalid) r).errors();
    }

    private static RuleSet loadWith(final String text) {
        final List<RuleSource> sources = new ArrayList<>(RuleLoader.builtInSources());
        sources.add(new RuleSource("site.yaml", text));
        final LoadResult r = RuleLoader.load(sources);
        assertThat(r).as(r.toString()).isInstanceOf(LoadResult.Loaded.class);
        return ((LoadResult.Loaded) r).ruleSet();
    }

    @Test
    void builtInRulesLoadAndCoverTheCatalog() {
        final RuleSet rules = RuleLoader.builtIn();
        assertThat(rules.rules()).extracting(Rule::id).contains(
                "R1", "R2", "R3", "R4", "R5", "R6", "R7", "R8", "R9", "R10", "R11", "R12", "R13", "R14",
                "R15", "R17", "R18", "R19", "H1", "H2", "H3", "H4", "H5", "H6");
        assertThat(rules.rules()).allSatisfy(r -> assertThat(r.location().line()).isPositive());
    }

    @Test
    void defaultContainerDomainsFollowTheCatalog() {
        final RuleSet rules = RuleLoader.builtIn();
        assertThat(List.of("container_t", "container_init_t", "container_kvm_t", "container_userns_t",
                "svirt_lxc_net_t", "svirt_sandbox_domain", "myapp.process", "docker_apache_t",
                "container_device_plugin_t"))
                .allMatch(rules::isContainerDomain);
        assertThat(List.of("spc_t", "container_runtime_t", "docker_t", "svirt_sandbox_file_t",
                "container_file_t", "unconfined_t", "httpd_t"))
                .noneMatch(rules::isContainerDomain);
    }

    @Test
    void yamlSyntaxErrorCarriesLineAndColumn() {
        final List<RuleFileError> errs = errors("rules:\n  - id: X1\n    title: [unclosed\n");
        assertThat(errs).hasSize(1);
        assertThat(errs.get(0).file()).isEqualTo("site.yaml");
        assertThat(errs.get(0).line()).isEqualTo(4);
        assertThat(errs.get(0).toString()).startsWith("site.yaml:4:").contains("not valid YAML");
    }

    @Test
    void everyProblemIsReportedWithItsLine() {
        final String text = String.join("\n",
                "rules:",
                "  - id: X1",
                "    title: t",
                "    family: f",
                "    summary: s",
                "    explanation: e",
                "    sevrity: high",
                "    match:",
                "      source_type: \"@no_such_set\"",
                "      tclass: {regex: '('}",
                "  - id: X2",
                "    title: t",
                "    family: f",
                "    summary: s",
                "    explanation: e",
                "    severity: urgent",
                "    mitre: [T12]",
                "    match: {tclass: file, perms: [write], colour: red}",
                "");
        final List<String> shown = errors(text).stream().map(RuleFileError::toString).toList();
        assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("site.yaml:7:5:")
                .contains("unknown key 'sevrity'").contains("did you mean 'severity'"));
        assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("site.yaml:2:").contains("rule X1: severity is required"));
        assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("site.yaml:9:").contains("unknown set '@no_such_set'"));
        assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("site.yaml:10:").contains("not a valid regular expression"));
        assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("site.yaml:16:").contains("must be one of info"));
        assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("site.yaml:17:").contains("'T12' is not an ATT&CK"));
        assertThat(shown).anySatisfy(s -> assertThat(s).startsWith("site.yaml:18:").contains("unknown key 'colour'"));
    }

    @Test
    void duplicateRuleIdPointsAtTheFirstDefinition() {
        final String text = "rules:\n  - {id: R3, title: t, family: f, summary: s, explanation: e,"
                + " severity: low, match: {tclass: file}}\n";
        final List<RuleFileError> errs = errors(text);
        assertThat(errs).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).contains("'R3' is already defined at rules/escape.yaml:");
        });
    }

    @Test
    void userFileExtendsContainerDomainsAndAddsRules() {
        final RuleSet rules = loadWith(String.join("\n",
                "sets:",
                "  container_domains: {extend: true, include: [acme_worker_t]}",
                "rules:",
                "  - id: SITE1",
                "    title: Acme worker wrote the secrets folder",
                "    family: site",
                "    severity: high",
                "    summary: \"{comm} wrote {target}\"",
                "    explanation: e",
                "    match: {source_type: \"@container_domains\", path: {regex: '^/srv/secrets/'}}",
                ""));
        assertThat(rules.isContainerDomain("acme_worker_t")).isTrue();
        assertThat(rules.rule("SITE1")).isPresent();
    }

    @Test
    void redefiningASetWithoutExtendIsAnError() {
        assertThat(errors("sets:\n  container_domains: [x_t]\n"))
                .singleElement().satisfies(e -> assertThat(e.toString()).startsWith("site.yaml:2:")
                        .contains("add 'extend: true'"));
    }

    @Test
    void badBooleanTableEntriesAreReported() {
        final List<RuleFileError> errs = errors("booleans:\n  foo: {weakens_when: 2, severity: high}\n"
                + "  bar: {severity: high}\n");
        assertThat(errs).extracting(RuleFileError::line).containsExactlyInAnyOrder(2, 3);
    }
}
