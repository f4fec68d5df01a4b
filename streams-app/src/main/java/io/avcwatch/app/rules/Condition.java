package io.avcwatch.app.rules;

import io.avcwatch.schemas.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A rule's match condition, loaded from YAML with every named list already resolved, so testing
 * a condition is a pure function of the {@link Facts}.
 */
public sealed interface Condition {

    boolean test(Facts facts);

    /** Every part holds (a YAML mapping). */
    record AllOf(List<Condition> parts) implements Condition {
        public AllOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(final Facts facts) {
            for (final Condition c : parts) {
                if (!c.test(facts)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** At least one part holds ({@code any:}). */
    record AnyOf(List<Condition> parts) implements Condition {
        public AnyOf {
            parts = List.copyOf(parts);
        }

        @Override
        public boolean test(final Facts facts) {
            for (final Condition c : parts) {
                if (c.test(facts)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The part does not hold ({@code not:}). */
    record Not(Condition part) implements Condition {
        @Override
        public boolean test(final Facts facts) {
            return !part.test(facts);
        }
    }

    /**
     * A text fact is in a set, not in another, and/or matches a regular expression. A fact with
     * several values (PATH names) matches when one value does; an absent fact never matches.
     */
    record Text(FactField field, NameSet in, NameSet notIn, Pattern regex) implements Condition {
        @Override
        public boolean test(final Facts facts) {
            for (final String v : field.values(facts)) {
                if ((in == null || in.contains(v))
                        && (notIn == null || !notIn.contains(v))
                        && (regex == null || regex.matcher(v).find())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Permission tests: one permission is in {@code any} (null: no test), all of {@code all} are present. */
    record Perms(NameSet any, Set<String> all) implements Condition {
        public Perms {
            all = Set.copyOf(all);
        }

        @Override
        public boolean test(final Facts facts) {
            if (!facts.perms().containsAll(all)) {
                return false;
            }
            return any == null || facts.perms().stream().anyMatch(any::contains);
        }
    }

    /** The record's {@code permissive=} flag; a record without the field counts as enforcing. */
    record Permissive(boolean expected) implements Condition {
        @Override
        public boolean test(final Facts facts) {
            return facts.isPermissive() == expected;
        }
    }

    /** How the target's categories relate to the source's (MCS). */
    record Mcs(Relation relation) implements Condition {
        /** The relations a rule can ask for. */
        public enum Relation {
            /** The target has categories the source does not hold: an MCS constraint failure. */
            TARGET_NOT_DOMINATED,
            /** Both carry exactly the same categories. */
            SAME,
            /** The target carries no categories ({@code s0}, shared {@code :z}). */
            TARGET_EMPTY;

            public String wireName() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public boolean test(final Facts facts) {
            switch (relation) {
                case TARGET_NOT_DOMINATED:
                    return !facts.tcat().isEmpty() && !facts.scat().containsAll(facts.tcat());
                case SAME:
                    return facts.scat().equals(facts.tcat());
                case TARGET_EMPTY:
                    return facts.tcat().isEmpty();
                default:
                    throw new IllegalStateException(relation.toString());
            }
        }
    }

    /** A boolean fact about the attributed container from the inventory. */
    record ContainerFact(Fact fact, boolean expected) implements Condition {
        /** Inventory facts a rule can test. */
        public enum Fact {
            KNOWN, PRIVILEGED, LABEL_DISABLED, HOST_PID, HOST_IPC, HOST_NETWORK, HOST_ROOT_MOUNT,
            /** The denial's path, name or PATH record lies under one of the container's mounts. */
            PATH_IN_MOUNTS;

            public String wireName() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public boolean test(final Facts facts) {
            final ContainerFacts c = facts.container();
            if (fact == Fact.KNOWN) {
                return (c != null) == expected;
            }
            return c != null && value(c, facts) == expected;
        }

        private boolean value(final ContainerFacts c, final Facts facts) {
            switch (fact) {
                case PRIVILEGED:
                    return c.privileged();
                case LABEL_DISABLED:
                    return c.labelDisabled();
                case HOST_PID:
                    return c.hostPid();
                case HOST_IPC:
                    return c.hostIpc();
                case HOST_NETWORK:
                    return c.hostNetwork();
                case HOST_ROOT_MOUNT:
                    return c.mountsHostRoot();
                case PATH_IN_MOUNTS:
                    return c.underMount(facts.path()) || facts.paths().stream().anyMatch(c::underMount)
                            || (facts.name() != null && facts.name().startsWith("/")
                                && c.underMount(facts.name()));
                default:
                    throw new IllegalStateException(fact.toString());
            }
        }
    }

    /** The host's last reported mode: {@code true} enforcing, {@code false} permissive, null unknown. */
    record HostEnforcing(Boolean expected) implements Condition {
        @Override
        public boolean test(final Facts facts) {
            return expected == null ? facts.hostEnforcing() == null
                    : expected.equals(facts.hostEnforcing());
        }
    }

    /** A boolean change sets a listed risky boolean to its weakening value, at this tier or above. */
    record RiskyBoolean(RiskyBooleans table, Severity atLeast) implements Condition {
        @Override
        public boolean test(final Facts facts) {
            return table.weakening(facts.fields().get("bool"), facts.fields().get("val"))
                    .map(s -> Severities.atLeast(s, atLeast)).orElse(false);
        }
    }
}
