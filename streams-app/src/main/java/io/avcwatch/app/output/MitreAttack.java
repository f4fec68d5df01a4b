package io.avcwatch.app.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MITRE ATT&amp;CK techniques and tactics the rules cite, from {@code mitre-techniques.tsv} and
 * {@code mitre-tactics.tsv}: alerts carry bare technique ids, SIEM formats want names, tactics and
 * links.
 */
public final class MitreAttack {
    private static final MitreAttack BUNDLED = load();

    private final Map<String, Technique> techniques;

    /** An ATT&amp;CK tactic, e.g. {@code TA0004 Privilege Escalation}. */
    public record Tactic(String id, String name) {
        public String reference() {
            return "https://attack.mitre.org/tactics/" + id + "/";
        }
    }

    /**
     * A technique or sub-technique.
     *
     * @param parent for a sub-technique ({@code T1003.008}) its technique ({@code T1003}), else null
     */
    public record Technique(String id, String name, Technique parent, List<Tactic> tactics) {
        public Technique {
            tactics = List.copyOf(tactics);
        }

        public boolean isSubTechnique() {
            return parent != null;
        }

        public String reference() {
            return "https://attack.mitre.org/techniques/" + id.replace('.', '/') + "/";
        }
    }

    private MitreAttack(final Map<String, Technique> techniques) {
        this.techniques = Map.copyOf(techniques);
    }

    /** The tables shipped with avcwatch. */
    public static MitreAttack bundled() {
        return BUNDLED;
    }

    /** The technique with this id, if the table knows it. */
    public Optional<Technique> technique(final String id) {
        return Optional.ofNullable(techniques.get(id));
    }

    private static MitreAttack load() {
        final Map<String, Tactic> tactics = new LinkedHashMap<>();
        for (String[] row : rows("mitre-tactics.tsv")) {
            tactics.put(row[0], new Tactic(row[0], row[1]));
        }
        final Map<String, Technique> techniques = new LinkedHashMap<>();
        for (String[] row : rows("mitre-techniques.tsv")) {
            final List<Tactic> cited = Arrays.stream(row[2].split(",")).map(id -> {
                final Tactic t = tactics.get(id);
                if (t == null) {
                    throw new IllegalStateException("mitre-techniques.tsv: unknown tactic " + id + " for " + row[0]);
                }
                return t;
            }).toList();
            final int dot = row[0].indexOf('.');
            final Technique parent = dot < 0 ? null : techniques.get(row[0].substring(0, dot));
            if (dot >= 0 && parent == null) {
                throw new IllegalStateException("mitre-techniques.tsv: " + row[0] + " listed before its technique");
            }
            techniques.put(row[0], new Technique(row[0], row[1], parent, cited));
        }
        return new MitreAttack(techniques);
    }

    private static List<String[]> rows(final String resource) {
        try (InputStream in = MitreAttack.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            final BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            final List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split("\t"));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
