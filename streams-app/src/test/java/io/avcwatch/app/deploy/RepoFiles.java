package io.avcwatch.app.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository checkout the deployment files live in, found from the test's working directory. */
final class RepoFiles {

    private static final Path ROOT = findRoot();

    private RepoFiles() {
    }

    /** The repository root: the nearest ancestor holding both the parent POM and {@code docker/}. */
    static Path root() {
        return ROOT;
    }

    /** A path relative to the repository root. */
    static Path path(final String relative) {
        return ROOT.resolve(relative);
    }

    /** A file below the repository root as UTF-8 text. */
    static String read(final String relative) {
        try {
            return Files.readString(path(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path findRoot() {
        // Surefire runs in the module directory; an IDE may run from the root.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("docker"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no repository root with docker/ above " + Path.of("").toAbsolutePath());
    }
}
