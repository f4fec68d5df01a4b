package io.avcwatch.app.cli;

import io.avcwatch.app.rules.Rule;
import io.avcwatch.app.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code avcwatch rules check FILE...}: validates rule files against the built-ins. Prints every
 * problem as {@code file:line:column: message} and exits 2, or a one-line summary and exits 0.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate rule files (together with the built-in rules).")
public final class RulesCheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Rule file(s) to check.")
    private List<Path> files;

    @Override
    public Integer call() {
        final RuleSet rules = RuleFiles.loadOrFail(files, spec.commandLine().getErr());
        final PrintWriter out = spec.commandLine().getOut();
        for (final Path f : files) {
            final List<String> ids = rules.rules().stream()
                    .filter(r -> r.location().file().equals(f.toString())).map(Rule::id).toList();
            final long suppressions = rules.suppressions().stream()
                    .filter(s -> s.location().file().equals(f.toString())).count();
            out.printf("%s: OK, %d rules%s, %d suppressions%n", f, ids.size(),
                    ids.isEmpty() ? "" : " (" + String.join(", ", ids) + ")", suppressions);
        }
        out.flush();
        return ExitCodes.OK;
    }
}
