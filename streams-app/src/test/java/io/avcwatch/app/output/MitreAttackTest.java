package io.avcwatch.app.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MitreAttackTest {
    private static final Pattern TECHNIQUE = Pattern.compile("\\bT1\\d{3}(?:\\.\\d{3})?\\b");

    private static String resource(final String name) throws IOException {
        try (InputStream in = MitreAttackTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyTechniqueTheBundledRulesCiteHasANameAndATactic() throws IOException {
        final TreeSet<String> cited = new TreeSet<>();
        for (String line : resource("/rules/builtin.index").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            final Matcher m = TECHNIQUE.matcher(resource("/" + line.strip()));
            while (m.find()) {
                cited.add(m.group());
            }
        }
        assertThat(cited).isNotEmpty();
        final List<String> unknown = new ArrayList<>();
        for (String id : cited) {
            MitreAttack.bundled().technique(id).ifPresentOrElse(
                    t -> assertThat(t.tactics()).as(id).isNotEmpty(), () -> unknown.add(id));
        }
        assertThat(unknown).as("techniques missing from mitre-techniques.tsv").isEmpty();
    }

    @Test
    void aSubTechniqueKnowsItsTechniqueAndLinksToAttack() {
        final MitreAttack.Technique t = MitreAttack.bundled().technique("T1003.008").orElseThrow();
        assertThat(t.isSubTechnique()).isTrue();
        assertThat(t.parent().id()).isEqualTo("T1003");
        assertThat(t.reference()).isEqualTo("https://attack.mitre.org/techniques/T1003/008/");
        assertThat(t.tactics()).extracting(MitreAttack.Tactic::name).containsExactly("Credential Access");
        assertThat(MitreAttack.bundled().technique("T0000")).isEmpty();
    }
}
