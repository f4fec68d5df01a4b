package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;

/**
 * A severity pair: one for a blocked access, one for {@code permissive=1}, where the access
 * happened and the rule may escalate.
 */
public record SeveritySpec(Severity enforcing, Severity permissive) {

    public SeveritySpec {
        if (enforcing == null) {
            throw new IllegalArgumentException("severity is required");
        }
        if (permissive == null) {
            permissive = enforcing;
        }
    }

    public Severity pick(final Facts facts) {
        return facts.isPermissive() ? permissive : enforcing;
    }
}
