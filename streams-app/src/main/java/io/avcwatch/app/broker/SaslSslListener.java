package io.avcwatch.app.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@code SASL_SSL} listener for {@link EmbeddedBroker}: TLS with the broker's key and certificate from a
 * PKCS#12 keystore, clients authenticated by SCRAM-SHA-512. The SCRAM users are written into the cluster's
 * bootstrap metadata when the storage is formatted (what {@code kafka-storage format --add-scram} does), so
 * they exist before the listener accepts its first connection.
 *
 * <p>The broker keeps its {@code PLAINTEXT} listener on loopback for its own readiness check and for tests
 * that set topics up; clients that are meant to be secured connect to {@link EmbeddedBroker#saslSslBootstrapServers()}.
 *
 * @param keystore         PKCS#12 file holding the broker's private key and certificate chain
 * @param keystorePassword the keystore's (and the key's) password
 * @param scramUsers       user name to password, SCRAM-SHA-512 credentials to create
 */
public record SaslSslListener(Path keystore, String keystorePassword, Map<String, String> scramUsers) {
    /** The listener's name in {@code listeners} and in the {@code listener.name.*} prefix. */
    public static final String NAME = "SASL_SSL";
    /** The one SASL mechanism the listener enables. */
    public static final String MECHANISM = "SCRAM-SHA-512";

    // the storage tool's --add-scram syntax has no escaping: keep its separators out of names and passwords
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._@+-]+");

    public SaslSslListener {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        scramUsers = Map.copyOf(scramUsers);
        if (scramUsers.isEmpty()) {
            throw new IllegalArgumentException("a SASL_SSL listener needs at least one SCRAM user");
        }
        scramUsers.forEach((user, password) -> {
            if (!PLAIN.matcher(user).matches() || !PLAIN.matcher(password).matches()) {
                throw new IllegalArgumentException("SCRAM user " + user
                        + ": names and passwords are limited to letters, digits and ._@+-");
            }
        });
    }

    /** Adds the listener's settings to {@code server} (which already has the PLAINTEXT and CONTROLLER ones). */
    void configure(final Properties server, final String host, final int port) {
        final String prefix = "listener.name." + NAME.toLowerCase(Locale.ROOT) + ".";
        server.setProperty("listeners", server.getProperty("listeners") + "," + NAME + "://" + host + ":" + port);
        server.setProperty("advertised.listeners",
                server.getProperty("advertised.listeners") + "," + NAME + "://" + host + ":" + port);
        server.setProperty("listener.security.protocol.map",
                server.getProperty("listener.security.protocol.map") + "," + NAME + ":" + NAME);
        server.setProperty("sasl.enabled.mechanisms", MECHANISM);
        server.setProperty(prefix + MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        server.setProperty(prefix + "ssl.keystore.type", "PKCS12");
        server.setProperty(prefix + "ssl.keystore.location", keystore.toAbsolutePath().toString());
        server.setProperty(prefix + "ssl.keystore.password", keystorePassword);
        server.setProperty(prefix + "ssl.key.password", keystorePassword);
    }

    /** The storage tool's {@code --add-scram} arguments, one pair per user, in a stable order. */
    List<String> formatArguments() {
        final List<String> args = new ArrayList<>();
        new TreeMap<>(scramUsers).forEach((user, password) -> {
            args.add("--add-scram");
            args.add(MECHANISM + "=[name=" + user + ",password=" + password + "]");
        });
        return List.copyOf(args);
    }

    /** Never prints a password (a record's default {@code toString} would). */
    @Override
    public String toString() {
        return "SaslSslListener[keystore=" + keystore + ", users=" + new TreeMap<>(scramUsers).keySet() + "]";
    }
}
