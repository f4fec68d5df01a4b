package io.avcwatch.app.cli;

import io.avcwatch.app.rules.Rule;
import io.avcwatch.app.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code avcwatch rules list}: one line per rule (id, severity, subject, family, ATT&CK, title). */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the built-in rules and those of any --rules files.")
public final class RulesListCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--rules", paramLabel = "FILE", description = "Extra rule file (repeatable).")
    private List<Path> ruleFiles = new ArrayList<>();

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final RuleSet rules = RuleFiles.loadOrFail(ruleFiles, spec.commandLine().getErr());
        final String format = "%-11s %-17s %-9s %-22s %-28s %s%n";
        out.printf(format, "ID", "SEVERITY(PERM=1)", "ON", "FAMILY", "ATT&CK", "TITLE");
        for (final Rule r : rules.rules()) {
            final String sev = r.severity().enforcing().label()
                    + (r.severity().permissive() == r.severity().enforcing() ? "" : "(" + r.severity().permissive().label() + ")")
                    + (r.alwaysPage() ? "!" : "");
            out.printf(format, r.id(), sev, r.subject().wireName(), r.family(),
                    r.mitre().isEmpty() ? "-" : String.join(",", r.mitre()), r.title());
        }
        out.printf("%d rules, %d suppressions; '!' marks rules that always page (never suppressed)%n",
                rules.rules().size(), rules.suppressions().size());
        out.flush();
        return ExitCodes.OK;
    }
}
