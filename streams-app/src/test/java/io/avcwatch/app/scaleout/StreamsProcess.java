package io.avcwatch.app.scaleout;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One {@code avcwatch streams} instance in its own JVM ({@code io.avcwatch.app.cli.Main} on the test
 * classpath), with its own state directory, client id and log file, as a second host would run it.
 */
final class StreamsProcess implements AutoCloseable {
    /** What Linux reports for a process ended by signal 9: 128 + 9. */
    static final int SIGKILL_EXIT = 137;

    private final String name;
    private final Process process;
    private final Path log;

    private StreamsProcess(final String name, final Process process, final Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code avcwatch streams --bootstrap ... --topic-prefix ... --state-dir ... --kafka-config ...}.
     *
     * @param name    the instance's client id (its group members are named after it) and file names in {@code dir}
     * @param client  client properties written to its {@code --kafka-config} file (session timeout, ...)
     * @param options more {@code avcwatch streams} options
     */
    static StreamsProcess start(final String name, final String bootstrap, final String prefix,
            final Map<String, String> client, final List<String> options, final Path dir) {
        try {
            final Path config = dir.resolve(name + ".properties");
            final Properties props = new Properties();
            props.putAll(client);
            props.setProperty("client.id", name);
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, null);
            }
            final List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"), "io.avcwatch.app.cli.Main", "streams",
                    "--bootstrap", bootstrap, "--topic-prefix", prefix, "--kafka-config", config.toString(),
                    "--state-dir", dir.resolve(name + "-state").toString()));
            cmd.addAll(options);
            final Path log = dir.resolve(name + ".log");
            final Process process = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new StreamsProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the JVM with SIGKILL (no shutdown hook, no transaction commit or abort) and returns its exit code. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " survived SIGKILL");
        }
        return process.exitValue();
    }

    /** Everything the instance printed (its logs go to stderr, merged here). */
    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** SIGTERM: the CLI's shutdown hook closes Kafka Streams cleanly. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
