package io.avcwatch.tailer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Orders the files of a rotated log set oldest first: {@code audit.log.N} ... {@code audit.log.1},
 * {@code audit.log} (auditd and logrotate number the newest rotated file 1). A {@code .gz} suffix
 * does not change a file's place.
 */
public final class RotatedSet {
    private static final Pattern NUMBERED = Pattern.compile("(.*)\\.(\\d+)");

    private RotatedSet() {
    }

    /** Base name and generation: {@code audit.log.3.gz} is ({@code audit.log}, 3), {@code audit.log} is 0. */
    record Member(String base, int generation) {
        static Member of(final Path p) {
            String name = p.getFileName().toString();
            if (name.endsWith(".gz")) {
                name = name.substring(0, name.length() - 3);
            }
            final Matcher m = NUMBERED.matcher(name);
            if (m.matches() && m.group(2).length() < 9) {
                return new Member(m.group(1), Integer.parseInt(m.group(2)));
            }
            return new Member(name, 0);
        }
    }

    /**
     * Sorts {@code files} chronologically: files of one set (same directory and base name) oldest
     * first; different sets keep the order in which they first appear.
     */
    public static List<Path> chronological(final List<Path> files) {
        final Map<Path, List<Path>> sets = new LinkedHashMap<>();
        for (Path f : files) {
            final Path abs = f.toAbsolutePath();
            final Path key = abs.resolveSibling(Member.of(abs).base());
            sets.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
        }
        final List<Path> ordered = new ArrayList<>();
        for (List<Path> set : sets.values()) {
            set.sort(Comparator.comparingInt((Path p) -> Member.of(p).generation()).reversed());
            ordered.addAll(set);
        }
        return List.copyOf(ordered);
    }

    /** The uncompressed rotated siblings of a live log ({@code audit.log.N}), oldest first. */
    static List<Path> rotatedSiblings(final Path live) throws IOException {
        final Path dir = live.toAbsolutePath().getParent();
        final String base = live.getFileName().toString();
        final List<Path> found = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.filter(p -> {
                final String name = p.getFileName().toString();
                return name.startsWith(base + ".") && !name.endsWith(".gz")
                        && NUMBERED.matcher(name).matches() && Member.of(p).base().equals(base);
            }).forEach(found::add);
        }
        found.sort(Comparator.comparingInt((Path p) -> Member.of(p).generation()).reversed());
        return List.copyOf(found);
    }
}
