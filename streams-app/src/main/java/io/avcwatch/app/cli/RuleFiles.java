package io.avcwatch.app.cli;

import io.avcwatch.app.rules.LoadResult;
import io.avcwatch.app.rules.RuleFileError;
import io.avcwatch.app.rules.RuleLoader;
import io.avcwatch.app.rules.RuleSet;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Loads the built-in rules plus user files for a command, turning problems into user errors. */
final class RuleFiles {
    private RuleFiles() {
    }

    /** Fails with a {@link UserException} when a file is missing. */
    static void requireReadable(final List<Path> files) {
        for (final Path p : files) {
            if (!Files.isRegularFile(p)) {
                throw new UserException("rule file not found: " + p);
            }
        }
    }

    /**
     * The rule set, or, after printing every error as {@code file:line:column: message} to
     * {@code err}, a {@link UserException} naming how many there were.
     */
    static RuleSet loadOrFail(final List<Path> files, final PrintWriter err) {
        requireReadable(files);
        final LoadResult r = RuleLoader.loadWithBuiltIns(files);
        if (r instanceof LoadResult.Invalid) {
            final List<RuleFileError> errors = ((LoadResult.Invalid) r).errors();
            errors.forEach(err::println);
            err.flush();
            throw new UserException(errors.size() + (errors.size() == 1 ? " problem" : " problems") + " in rule files");
        }
        return ((LoadResult.Loaded) r).ruleSet();
    }
}
