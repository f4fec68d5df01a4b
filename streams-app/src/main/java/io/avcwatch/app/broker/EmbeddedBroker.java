package io.avcwatch.app.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool$;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka KRaft broker (combined broker + controller) running inside this
 * JVM, built only from the Maven Central {@code kafka_2.13} artifact.
 *
 * <p>Start formats the storage directory exactly as {@code kafka-storage.sh format} does (release
 * metadata version, production feature levels) and skips formatting when the directory already holds
 * a formatted log, so a {@code --data-dir} survives restarts with its topics. Both listeners bind to
 * loopback; the broker port is fixed or picked free, the controller port is always picked free
 * (a static single voter does not care about its port across restarts). Internal topics use
 * replication factor 1 and topic auto-creation is off: every command creates its topics explicitly.
 * Time-based retention is off, because record timestamps are event times that may be long past.
 *
 * <p>{@link #builder()} adds what tests and secured setups need on top: a {@code SASL_SSL} listener with
 * SCRAM users ({@link SaslSslListener}) and single server-property overrides.
 *
 * <p>{@link #close()} shuts the server down and, for a temporary directory, deletes it.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path dir;
    private final boolean temporary;
    private final String bootstrap;
    private final String saslSslBootstrap;

    private EmbeddedBroker(final KafkaRaftServer server, final Path dir, final boolean temporary,
            final String bootstrap, final String saslSslBootstrap) {
        this.server = server;
        this.dir = dir;
        this.temporary = temporary;
        this.bootstrap = bootstrap;
        this.saslSslBootstrap = saslSslBootstrap;
    }

    /** A broker with more than the defaults: extra server properties, a SASL_SSL listener. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker on a free port in a fresh temporary directory that {@link #close()} removes. */
    public static EmbeddedBroker start() {
        return start(null, 0);
    }

    /**
     * Starts a broker keeping its data in {@code dataDir} (created if missing, reused if formatted).
     *
     * @param dataDir where the logs live; {@code null} for a temporary directory {@link #close()} removes
     * @param port the loopback port clients connect to; 0 picks a free one
     */
    public static EmbeddedBroker start(final Path dataDir, final int port) {
        return builder().dataDir(dataDir).port(port).start();
    }

    private static EmbeddedBroker start(final Builder settings) {
        final boolean temporary = settings.dataDir == null;
        final int brokerPort = settings.port == 0 ? freePort() : settings.port;
        final int controllerPort = freePort();
        try {
            final Path dir = (temporary ? Files.createTempDirectory("avcwatch-kafka-") : settings.dataDir)
                    .toAbsolutePath();
            Files.createDirectories(dir);
            final Path propsFile = dir.resolve("server.properties");
            final Properties props = serverProperties(dir.resolve("logs"), brokerPort, controllerPort);
            String saslSslBootstrap = null;
            if (settings.saslSsl != null) {
                final int saslSslPort = freePort();
                settings.saslSsl.configure(props, HOST, saslSslPort);
                saslSslBootstrap = HOST + ":" + saslSslPort;
            }
            props.putAll(settings.overrides);
            writeOwnerOnly(propsFile, props);
            if (!Files.exists(dir.resolve("logs").resolve("meta.properties"))) {
                format(propsFile, settings.saslSsl == null ? List.of() : settings.saslSsl.formatArguments());
            }
            final KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            final String bootstrap = HOST + ":" + brokerPort;
            final EmbeddedBroker broker = new EmbeddedBroker(server, dir, temporary, bootstrap, saslSslBootstrap);
            try {
                server.startup();
                awaitReady(bootstrap);
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            LOG.info("Embedded Kafka broker ready at {} (data in {})", bootstrap, dir);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code host:port} for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return bootstrap;
    }

    /**
     * {@code host:port} of the SASL_SSL listener (TLS + SCRAM-SHA-512).
     *
     * @throws IllegalStateException when the broker was started without one
     */
    public String saslSslBootstrapServers() {
        if (saslSslBootstrap == null) {
            throw new IllegalStateException("this broker has no SASL_SSL listener (see Builder#saslSsl)");
        }
        return saslSslBootstrap;
    }

    /** The directory holding {@code server.properties} and the log segments. */
    public Path dataDir() {
        return dir;
    }

    /** Blocks until the server has stopped, e.g. after a shutdown hook called {@link #close()}. */
    public void awaitShutdown() {
        server.awaitShutdown();
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporary) {
            deleteRecursively(dir);
        }
    }

    static Properties serverProperties(final Path logDir, final int brokerPort, final int controllerPort) {
        final Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://" + HOST + ":" + brokerPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://" + HOST + ":" + brokerPort);
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir.toString());
        p.setProperty("num.partitions", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "false");
        // Record timestamps are audit event times, often weeks old in a forensic replay: time-based
        // retention would delete them within minutes of being written (and drop producer state with
        // them, which shows up as OUT_OF_ORDER_SEQUENCE_NUMBER). A local broker keeps what it is given.
        p.setProperty("log.retention.ms", "-1");
        // A transaction's first produce to a partition (transaction version 2 adds the partition implicitly)
        // often arrives while the last transaction's markers are still being written. The broker then waits
        // up to this long before answering CONCURRENT_TRANSACTIONS; the default 100 ms is shorter than a
        // marker write on a loaded 2-core machine, and a client that retries a refused first batch while the
        // next one is in flight gets OUT_OF_ORDER_SEQUENCE_NUMBER (the KAFKA-14359 pattern). Waiting here
        // instead keeps batches in order with several requests in flight.
        p.setProperty("add.partitions.to.txn.max.timeout.ms", "5000");
        return p;
    }

    /** The file holds keystore passwords when a SASL_SSL listener is configured: only its owner reads it. */
    private static void writeOwnerOnly(final Path file, final Properties props) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "written by avcwatch EmbeddedBroker on every start");
        }
    }

    /**
     * Runs the real {@code kafka-storage format} so feature levels match a production install.
     *
     * @param extraArguments e.g. {@code --add-scram} pairs; they may hold passwords, so the tool's output
     *                       is not logged when there are any
     */
    private static void format(final Path propsFile, final List<String> extraArguments) {
        // Kafka's own generator never starts an id with '-', which the tool's argument parser would
        // take for an option (a random base64 id does so one time in 64).
        final String clusterId = Uuid.randomUuid().toString();
        final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        final int rc;
        try (PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8)) {
            final List<String> args = new ArrayList<>(
                    List.of("format", "-t", clusterId, "-c", propsFile.toString(), "--ignore-formatted"));
            args.addAll(extraArguments);
            rc = StorageTool$.MODULE$.execute(args.toArray(String[]::new), out);
        }
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed (" + rc + ")"
                    + (extraArguments.isEmpty() ? ": " + buf.toString(StandardCharsets.UTF_8) : ""));
        }
        if (extraArguments.isEmpty()) {
            LOG.debug("storage format: {}", buf.toString(StandardCharsets.UTF_8).strip());
        }
    }

    /** The server reports started before the broker is unfenced; a metadata round trip proves it serves. */
    private static void awaitReady(final String bootstrap) {
        final Properties p = new Properties();
        p.setProperty(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.setProperty(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        p.setProperty(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        final Instant deadline = Instant.now().plus(READY_TIMEOUT);
        try (Admin admin = Admin.create(p)) {
            while (true) {
                Exception last = null;
                try {
                    if (!admin.describeCluster().nodes().get().isEmpty()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the broker", e);
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("embedded broker not ready after " + READY_TIMEOUT, last);
                }
            }
        }
    }

    /** Settings for {@link #start(Builder)}; {@link EmbeddedBroker#start()} is {@code builder().start()}. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private SaslSslListener saslSsl;
        private final Map<String, String> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Where the logs live (created if missing, reused if formatted); {@code null}: a temporary directory. */
        public Builder dataDir(final Path dir) {
            this.dataDir = dir;
            return this;
        }

        /** The PLAINTEXT port; 0 picks a free one. */
        public Builder port(final int brokerPort) {
            this.port = brokerPort;
            return this;
        }

        /** Adds a SASL_SSL listener on a free port (see {@link EmbeddedBroker#saslSslBootstrapServers()}). */
        public Builder saslSsl(final SaslSslListener listener) {
            this.saslSsl = listener;
            return this;
        }

        /** Sets one server property over the defaults, e.g. a shorter transaction abort interval in a test. */
        public Builder serverProperty(final String name, final String value) {
            overrides.put(name, value);
            return this;
        }

        /** Formats the storage if needed, starts the broker and waits until it serves. */
        public EmbeddedBroker start() {
            return EmbeddedBroker.start(this);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(final Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not delete {}: {}", root, e.toString());
        }
    }
}
