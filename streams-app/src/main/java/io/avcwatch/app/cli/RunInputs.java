package io.avcwatch.app.cli;

import io.avcwatch.app.analyze.InventoryFile;
import io.avcwatch.schemas.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Checks and scratch space shared by the finite-run commands ({@code analyze}, {@code replay --case}). */
final class RunInputs {

    private RunInputs() {
    }

    /** Every file must be a readable regular file; the first that is not is the user's error. */
    static void requireReadable(final List<Path> files) {
        for (final Path f : files) {
            if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
                throw new UserException("cannot read " + f + (Files.isDirectory(f) ? ": it is a directory" : ""));
            }
        }
    }

    /** The {@code --containers} options, parsed and checked readable. */
    static List<InventoryFile> inventory(final List<String> options) {
        final List<InventoryFile> parsed = new ArrayList<>();
        for (final String option : options) {
            final InventoryFile file;
            try {
                file = InventoryFile.parse(option);
            } catch (IllegalArgumentException e) {
                throw new UserException(e.getMessage(), e);
            }
            if (!Files.isRegularFile(file.path()) || !Files.isReadable(file.path())) {
                throw new UserException("--containers " + option + ": cannot read " + file.path());
            }
            parsed.add(file);
        }
        return List.copyOf(parsed);
    }

    /** {@code prefix} when it makes legal topic names, else the user's error. */
    static String checkedPrefix(final String prefix) {
        try {
            return Topics.checkPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    static Path tempDir(final String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Best effort: a leftover temporary directory is not worth failing a finished run for. */
    static void deleteRecursively(final Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // nothing to do: the directory lives below the system's temporary directory
        }
    }
}
