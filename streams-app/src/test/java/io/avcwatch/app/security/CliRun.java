package io.avcwatch.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code avcwatch} executable ({@code io.avcwatch.app.cli.Main} on the test classpath) run once in its
 * own JVM, everything it prints captured: stdout, and stderr where its logs go.
 *
 * @param exitCode the process's exit code
 * @param stdout   what it printed on stdout
 * @param stderr   what it printed on stderr, logs included
 */
record CliRun(int exitCode, String stdout, String stderr) {

    /**
     * Runs {@code avcwatch ARGS...} with {@code log4jConfig} as its logging configuration.
     *
     * @throws IllegalStateException when it has not finished within {@code timeoutSeconds}
     */
    static CliRun of(final Path dir, final Path log4jConfig, final long timeoutSeconds, final String... args)
            throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dlog4j2.configurationFile=" + log4jConfig,
                "-cp", System.getProperty("java.class.path"), "io.avcwatch.app.cli.Main"));
        cmd.addAll(List.of(args));
        final Path out = Files.createTempFile(dir, "stdout-", ".txt");
        final Path err = Files.createTempFile(dir, "stderr-", ".txt");
        final Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new IllegalStateException("avcwatch " + String.join(" ", args) + " still running after "
                    + timeoutSeconds + " s; stderr:\n" + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new CliRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Both streams, for searching everything the run printed. */
    String everything() {
        return stdout + "\n" + stderr;
    }
}
