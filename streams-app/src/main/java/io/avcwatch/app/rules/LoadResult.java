package io.avcwatch.app.rules;

import java.util.List;

/** The outcome of loading rule files: a rule set, or every problem found (never just the first). */
public sealed interface LoadResult {

    /** All files were valid. */
    record Loaded(RuleSet ruleSet) implements LoadResult {
    }

    /** At least one problem; {@code errors} is never empty. */
    record Invalid(List<RuleFileError> errors) implements LoadResult {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
