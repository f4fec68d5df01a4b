package io.avcwatch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The images' healthcheck script, run for real in this test's network namespace: healthy while a
 * connection to the Kafka port is established, unhealthy otherwise. Loopback only.
 */
class DeployHealthcheckTest {

    private static final String SCRIPT = "docker/healthcheck.sh";

    @Test
    void healthyWhileConnectedToTheKafkaPort() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 5_000);
            try (Socket accepted = server.accept()) {
                assertThat(accepted.isConnected()).isTrue();
                assertThat(run(server.getLocalPort())).isZero();
            }
        }
    }

    @Test
    void unhealthyWhenOnlyListeningOrNotConnectedAtAll() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(run(server.getLocalPort())).as("a listening socket is not a connection").isEqualTo(1);
        }
    }

    private static int run(final int port) throws IOException, InterruptedException {
        final ProcessBuilder pb = new ProcessBuilder("sh", RepoFiles.path(SCRIPT).toString()).redirectErrorStream(true);
        pb.environment().put("AVCWATCH_KAFKA_PORT", Integer.toString(port));
        final Process process = pb.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }
}
