package io.avcwatch.app.analyze;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One {@code --containers [HOST=]INSPECT.json} option: saved {@code docker inspect} / {@code podman inspect}
 * output, for one host or, without {@code HOST=}, for every host the audit logs name.
 *
 * @param host the host the containers ran on; empty: every host seen in the input
 * @param path the inspect JSON file
 */
public record InventoryFile(Optional<String> host, Path path) {

    /** A host name as auditd writes {@code node=}: no path separator, no inventory key separator, no blanks. */
    private static final Pattern HOST = Pattern.compile("[^/=|\\s]+");

    public InventoryFile {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Reads {@code node-alpha1=examples/demo/node-alpha1.inspect.json} or {@code inspect.json}. Text before
     * the first {@code =} counts as a host only when it looks like one, so a path holding {@code =} but no
     * host still works ({@code ./a=b.json} is a path).
     *
     * @throws IllegalArgumentException with a message fit for the user when nothing is left for the path
     */
    public static InventoryFile parse(final String option) {
        final int eq = option.indexOf('=');
        if (eq > 0 && HOST.matcher(option.substring(0, eq)).matches()) {
            final String file = option.substring(eq + 1);
            if (file.isEmpty()) {
                throw new IllegalArgumentException("--containers " + option + ": no file after " + option.substring(0, eq + 1));
            }
            return new InventoryFile(Optional.of(option.substring(0, eq)), Path.of(file));
        }
        if (option.isEmpty()) {
            throw new IllegalArgumentException("--containers needs a file: [HOST=]INSPECT.json");
        }
        return new InventoryFile(Optional.empty(), Path.of(option));
    }

    /** True when it applies to {@code host}. */
    public boolean appliesTo(final String candidate) {
        return host.map(candidate::equals).orElse(true);
    }

    /** For messages: the option as the user would write it. */
    @Override
    public String toString() {
        return host.map(h -> h + "=").orElse("") + path;
    }
}
