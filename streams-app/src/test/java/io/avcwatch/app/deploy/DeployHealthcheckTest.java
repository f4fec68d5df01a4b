package io.avcwatch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The images' healthcheck script, run for real in this test's network namespace: with an API port, healthy
 * exactly when {@code /health} answers 200; without one, healthy while a connection to the Kafka port is
 * established. Loopback only.
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

    @Test
    void withAnApiPortHealthFollowsTheHealthEndpoint() throws Exception {
        final HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        final AtomicInteger status = new AtomicInteger(200);
        api.createContext("/health", exchange -> {
            final byte[] body = "{\"healthy\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try (ServerSocket kafka = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new Socket()) {
            // a live Kafka connection must not make a failing /health look healthy
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), kafka.getLocalPort()), 5_000);
            try (Socket accepted = kafka.accept()) {
                final int apiPort = api.getAddress().getPort();
                assertThat(run(kafka.getLocalPort(), apiPort)).isZero();
                status.set(503);
                assertThat(run(kafka.getLocalPort(), apiPort)).as("/health answered 503").isEqualTo(1);
            }
        } finally {
            api.stop(0);
        }
    }

    @Test
    void withAnApiPortNobodyListensOnItIsUnhealthy() throws Exception {
        final int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        assertThat(run(9092, closedPort)).isEqualTo(1);
    }

    private static int run(final int port) throws IOException, InterruptedException {
        return run(port, -1);
    }

    private static int run(final int port, final int apiPort) throws IOException, InterruptedException {
        final ProcessBuilder pb = new ProcessBuilder("bash", RepoFiles.path(SCRIPT).toString()).redirectErrorStream(true);
        pb.environment().put("AVCWATCH_KAFKA_PORT", Integer.toString(port));
        pb.environment().remove("AVCWATCH_HTTP_PORT");
        if (apiPort > 0) {
            pb.environment().put("AVCWATCH_HTTP_PORT", Integer.toString(apiPort));
        }
        final Process process = pb.start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return process.exitValue();
    }
}
