package io.avcwatch.app.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PKI made with the JDK's own {@code keytool}: a CA, a broker key pair whose certificate the CA
 * signed for {@code 127.0.0.1} and {@code localhost} (so clients keep hostname verification on), and a
 * truststore that holds only the CA. Passwords are random per run.
 *
 * @param brokerKeystore   PKCS#12: the broker's key and its chain (broker, CA)
 * @param truststore       PKCS#12: the CA certificate
 * @param keystorePassword password of the broker keystore and key
 * @param truststorePassword password of the truststore
 */
record TestCertificates(Path brokerKeystore, Path truststore, String keystorePassword, String truststorePassword) {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Makes the CA, signs the broker certificate and writes the stores into {@code dir}. */
    static TestCertificates create(final Path dir) throws IOException, InterruptedException {
        final String caPassword = secret("ca");
        final String keystorePassword = secret("ks");
        final String truststorePassword = secret("ts");
        final Path ca = dir.resolve("ca.p12");
        final Path broker = dir.resolve("broker.p12");
        final Path truststore = dir.resolve("truststore.p12");
        final Path caPem = dir.resolve("ca.pem");
        final Path request = dir.resolve("broker.csr");
        final Path signed = dir.resolve("broker.pem");

        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=avcwatch test CA", "-ext", "bc:c", "-validity", "2",
                "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", caPassword);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-file", caPem.toString(),
                "-keystore", ca.toString(), "-storepass", caPassword);
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "2",
                "-keystore", broker.toString(), "-storetype", "PKCS12", "-storepass", keystorePassword);
        keytool("-certreq", "-alias", "broker", "-file", request.toString(),
                "-keystore", broker.toString(), "-storepass", keystorePassword);
        keytool("-gencert", "-rfc", "-alias", "ca", "-infile", request.toString(), "-outfile", signed.toString(),
                "-ext", "SAN=IP:127.0.0.1,DNS:localhost", "-ext", "EKU=serverAuth", "-validity", "2",
                "-keystore", ca.toString(), "-storepass", caPassword);
        // the chain goes in CA first, so keytool can link the signed reply to it
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
                "-keystore", broker.toString(), "-storepass", keystorePassword);
        keytool("-importcert", "-alias", "broker", "-file", signed.toString(),
                "-keystore", broker.toString(), "-storepass", keystorePassword);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
                "-keystore", truststore.toString(), "-storetype", "PKCS12", "-storepass", truststorePassword);
        return new TestCertificates(broker, truststore, keystorePassword, truststorePassword);
    }

    /** Letters and digits only, so the secret fits every config syntax unquoted. */
    static String secret(final String label) {
        final byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return label + HexFormat.of().formatHex(bytes);
    }

    private static void keytool(final String... args) throws IOException, InterruptedException {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        // a short-lived tool: the C1-only JIT and the serial GC start it in a third of the time
        cmd.addAll(List.of("-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        cmd.addAll(List.of(args));
        final Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
        }
    }

    /** Never prints a password. */
    @Override
    public String toString() {
        return "TestCertificates[" + brokerKeystore + ", " + truststore + "]";
    }
}
