package io.avcwatch.app.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.app.broker.EmbeddedBroker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scale-out and failover with exactly-once: six hosts' logs (four synthetic, the two demo hosts) in a
 * six-partition {@code audit.raw}, two {@code avcwatch streams} JVMs sharing the work, one of them killed with
 * SIGKILL right after the second half of the input is in Kafka, while it works through it. The kill is checked
 * to be mid-stream: alerts were committed before it, and the killed instance's hosts still had alerts to come.
 * The survivor takes its tasks over (state restored from the changelogs, the dead instance's open transactions
 * aborted), and {@code avc.alerts} read with {@code read_committed} then holds exactly what a single instance
 * produces from the same input: per storm key the same records, field for field, each storm emitted once or,
 * when it counts more than one event, twice (first hit, then aggregate). Nothing lost, nothing duplicated,
 * nothing changed (see {@link AlertEmissions}).
 */
class FailoverIT {
    private static final Logger LOG = LoggerFactory.getLogger(FailoverIT.class);
    private static final Path DEMO = Path.of("..", "examples", "demo").toAbsolutePath().normalize();
    private static final Path FOUR_HOSTS = Path.of("src", "test", "resources", "scaleout", "four-hosts.audit.log");
    private static final Map<String, Path> INVENTORY = Map.of(
            "node-alpha1", DEMO.resolve("node-alpha1.inspect.json"),
            "node-delta0", DEMO.resolve("node-delta0.inspect.json"));
    /**
     * A dead member is noticed after the session timeout (the broker's minimum, 6 s); its open transactions
     * are aborted after the transaction timeout, which the broker checks every second here.
     */
    private static final Map<String, String> STREAMS_CLIENT = Map.of(
            "session.timeout.ms", "6000",
            "heartbeat.interval.ms", "1000",
            "transaction.timeout.ms", "5000");

    /**
     * Live, a quiet host's storms also close by the wall clock (its last event time plus the wall time since),
     * so where a window ends would depend on how long the test's pauses and the takeover took. A window longer
     * than the whole input closes every storm at the end of input instead, so each storm key holds one storm in
     * every run.
     */
    private static final List<String> STREAMS_OPTIONS = List.of("--storm-window", "1h");

    private static EmbeddedBroker broker;

    /** Kept when the test fails: the instances' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.builder()
                .serverProperty("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aSigkilledInstanceLosesNoAlertAndDuplicatesNone() throws Exception {
        final TwoPartInput input = TwoPartInput.split(List.of(FOUR_HOSTS.toAbsolutePath(),
                DEMO.resolve("node-alpha1.audit.log"), DEMO.resolve("node-delta0.audit.log")), dir.resolve("input"));

        final ScaleoutRun.Outcome reference = new ScaleoutRun(broker.bootstrapServers(), "ref.", dir.resolve("ref"))
                .run(input, INVENTORY, List.of("ref-only"), false, STREAMS_CLIENT, STREAMS_OPTIONS);
        final ScaleoutRun.Outcome failover = new ScaleoutRun(broker.bootstrapServers(), "fo.", dir.resolve("fo"))
                .run(input, INVENTORY, List.of("fo-killed", "fo-survivor"), true, STREAMS_CLIENT, STREAMS_OPTIONS);

        assertThat(failover.killedExitCode()).as("Process.destroyForcibly() is SIGKILL")
                .isEqualTo(StreamsProcess.SIGKILL_EXIT);
        assertThat(failover.finalMembers()).as("the survivor owns every task").containsExactly("fo-survivor");
        assertThat(reference.alerts().hosts()).as("the reference run saw alerts from every kind of host")
                .contains("node-alpha1", "node-delta0").anyMatch(h -> h.startsWith("host0"));
        assertThat(reference.alerts().storms()).as("storms to compare: the count checks mean something")
                .isPositive();
        assertThat(reference.alerts().emissionErrors()).as("reference run").isEmpty();

        // The kill was mid-stream: alerts were committed before it, and the killed instance's hosts had alerts
        // still to come, which only the survivor can have written.
        final Set<String> killedHosts = reference.alerts().hosts().stream()
                .filter(h -> failover.killedPartitions().contains(ScaleoutRun.rawPartition(h)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(killedHosts).as("hosts with alerts in the killed instance's partitions %s",
                failover.killedPartitions()).isNotEmpty();
        final long killedHostsAtKill = failover.committedAtKill().stream()
                .filter(a -> killedHosts.contains(a.host())).count();
        LOG.info("killed instance: audit.raw partitions {} (hosts with alerts {}); {} of their {} alerts committed"
                + " at the kill, {} of {} in all", failover.killedPartitions(), killedHosts, killedHostsAtKill,
                failover.alerts().records(killedHosts), failover.committedAtKill().size(),
                failover.alerts().records(failover.alerts().hosts()));
        assertThat(failover.committedAtKill()).as("alerts committed when the instance was killed").isNotEmpty();
        assertThat(killedHostsAtKill)
                .as("alerts of %s committed at the kill, of %s in the end", killedHosts,
                        failover.alerts().records(killedHosts))
                .isLessThan(failover.alerts().records(killedHosts));
        assertThat(failover.alerts().differencesFrom(reference.alerts())).as("failover run vs reference run")
                .isEmpty();
    }
}
