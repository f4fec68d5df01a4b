package io.avcwatch.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InspectParserTest {

    private final InspectParser parser = new InspectParser();

    @Test
    void readsDockerInspectArray() {
        final List<ContainerFacts> facts = InspectFixtures.facts("rocky9.inspect.json");

        assertThat(facts).hasSize(2);
        final ContainerFacts eager = facts.get(0);
        assertThat(eager.engine()).isEqualTo("docker");
        assertThat(eager.id()).isEqualTo("596d87fbd69a26e46d1bde34acab6adda6d761708ad3a77eb46bf48caae54a62");
        assertThat(eager.name()).isEqualTo("eager_hopper");
        assertThat(eager.image()).isEqualTo("centos:latest");
        assertThat(eager.processLabel()).isEqualTo("system_u:system_r:container_t:s0:c170,c393");
        assertThat(eager.mountLabel()).isEqualTo("system_u:object_r:container_file_t:s0:c170,c393");
        assertThat(eager.startedAt()).contains(Instant.parse("2024-04-20T08:53:30.000000123Z"));
        assertThat(eager.finishedAt()).contains(Instant.parse("2024-04-20T09:08:20.000000123Z"));
        assertThat(eager.mounts()).containsExactly(new ContainerFacts.Mount("bind", "/root", "/hostroot", true));
        assertThat(eager.networkMode()).isEqualTo("bridge");
        assertThat(eager.ipcMode()).isEqualTo("private");
        assertThat(eager.hostIpc()).isFalse();
        assertThat(eager.unconfined()).isFalse();
        assertThat(facts.get(1).finishedAt()).as("Go zero time means still running").isEmpty();
    }

    @Test
    void hostIpcModeIsRead() {
        final String inspect = InspectFixtures.text("rocky9.inspect.json").replaceFirst("\"IpcMode\": *\"[a-z]*\"",
                "\"IpcMode\": \"host\"");
        final ContainerFacts shared = new InspectParser().parse(inspect).stream()
                .filter(InspectResult.Parsed.class::isInstance).map(r -> ((InspectResult.Parsed) r).facts())
                .findFirst().orElseThrow();
        assertThat(shared.ipcMode()).isEqualTo("host");
        assertThat(shared.hostIpc()).isTrue();
        assertThat(ContainerViews.instance(shared, null).ipcMode()).isEqualTo("host");
    }

    @Test
    void labelDisabledPrivilegedContainerIsUnconfined() {
        final ContainerFacts exporter = InspectFixtures.facts("node-alpha1.inspect.json").stream()
                .filter(f -> f.name().equals("node-exporter")).findFirst().orElseThrow();

        assertThat(exporter.processLabel()).isEmpty();
        assertThat(exporter.mountLabel()).endsWith(":s0:c1022,c1023");
        assertThat(exporter.privileged()).isTrue();
        assertThat(exporter.labelDisabled()).isTrue();
        assertThat(exporter.unconfined()).isTrue();
    }

    @Test
    void readsPodmanShapeAndSkipsImageObjects() {
        final List<InspectResult> results = parser.parse(InspectFixtures.text("podman-pod.inspect.json"));

        assertThat(results).hasSize(6);
        assertThat(results.get(5)).isInstanceOfSatisfying(InspectResult.Rejected.class,
                r -> assertThat(r.reason()).contains("not a container").satisfies(x ->
                        assertThat(r.raw()).contains("RepoTags")));
        final ContainerFacts nginx = ((InspectResult.Parsed) results.get(1)).facts();
        assertThat(nginx.engine()).isEqualTo("podman");
        assertThat(nginx.name()).isEqualTo("web-pod-nginx");
        assertThat(nginx.image()).isEqualTo("docker.io/library/nginx:1.25");
        assertThat(nginx.pod()).contains("c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00c0ffee00");
        assertThat(nginx.startedAt()).as("podman writes the host's UTC offset")
                .contains(Instant.parse("2024-05-01T08:00:01.25Z"));
        assertThat(nginx.mounts()).containsExactly(
                new ContainerFacts.Mount("bind", "/srv/www", "/usr/share/nginx/html", false));
    }

    @Test
    void typeSpcTAndPrivilegedOptionsMeanUnconfined() {
        final List<InspectResult> results = parser.parse(InspectFixtures.text("podman-pod.inspect.json"));
        final ContainerFacts toolbox = ((InspectResult.Parsed) results.get(3)).facts();
        final ContainerFacts exporter = ((InspectResult.Parsed) results.get(4)).facts();

        assertThat(toolbox.unconfined()).isTrue();
        assertThat(toolbox.hostPid()).isTrue();
        assertThat(exporter.privileged()).isFalse();
        assertThat(exporter.labelDisabled()).isFalse();
        assertThat(exporter.unconfined()).as("label=type:spc_t").isTrue();
        assertThat(((InspectResult.Parsed) results.get(1)).facts().unconfined()).isFalse();
    }

    @Test
    void jsonLinesKeepGoodLinesAroundADamagedOne() {
        final List<InspectResult> results = parser.parse(InspectFixtures.text("docker-reuse.inspect.jsonl"));

        assertThat(results).hasSize(7);
        assertThat(results.get(3)).isInstanceOfSatisfying(InspectResult.Rejected.class, r -> {
            assertThat(r.reason()).startsWith("not valid JSON");
            assertThat(r.raw()).startsWith("{\"Id\": \"truncated-by-a-crash\"");
        });
        assertThat(results).filteredOn(InspectResult.Parsed.class::isInstance).hasSize(6);
    }

    @Test
    void finishedBeforeStartedBelongsToAnEarlierRun() {
        final ContainerFacts restarted = parsedNamed("restarted");

        assertThat(restarted.startedAt()).contains(Instant.parse("2024-06-01T11:00:01Z"));
        assertThat(restarted.finishedAt()).isEmpty();
    }

    @Test
    void neverStartedContainerHasNoTimes() {
        final ContainerFacts created = parsedNamed("never-started");

        assertThat(created.startedAt()).isEmpty();
        assertThat(created.finishedAt()).isEmpty();
        assertThat(created.runningAt(Instant.parse("2024-06-01T12:00:00Z"))).isFalse();
    }

    @Test
    void runningAtIncludesBothEnds() {
        final ContainerFacts old = parsedNamed("batch-old");

        assertThat(old.runningAt(Instant.parse("2024-06-01T09:00:00Z"))).isFalse();
        assertThat(old.runningAt(Instant.parse("2024-06-01T09:00:01Z"))).isTrue();
        assertThat(old.runningAt(Instant.parse("2024-06-01T09:20:00Z"))).isTrue();
        assertThat(old.runningAt(Instant.parse("2024-06-01T09:20:00.001Z"))).isFalse();
    }

    @Test
    void concatenatedArraysAndOldPodmanIdField() {
        final String twoRuns = "[{\"ID\":\"abc\",\"Name\":\"legacy\",\"ImageName\":\"docker.io/library/alpine:3\","
                + "\"State\":{\"StartedAt\":\"2019-06-17T19:13:10.152479729+03:00\",\"FinishedAt\":\"0001-01-01T00:00:00Z\"}}]\n"
                + "[{\"Id\":\"def\",\"Name\":\"/second\",\"State\":{}}]";

        final List<InspectResult> results = parser.parse(twoRuns);

        assertThat(results).hasSize(2).allMatch(InspectResult.Parsed.class::isInstance);
        final ContainerFacts legacy = ((InspectResult.Parsed) results.get(0)).facts();
        assertThat(legacy.id()).isEqualTo("abc");
        assertThat(legacy.image()).isEqualTo("docker.io/library/alpine:3");
        assertThat(legacy.engine()).isEqualTo("podman");
        assertThat(legacy.startedAt()).contains(Instant.parse("2019-06-17T16:13:10.152479729Z"));
        assertThat(((InspectResult.Parsed) results.get(1)).facts().pod()).isEqualTo(Optional.empty());
    }

    @Test
    void badInputBecomesValuesNeverExceptions() {
        assertThat(parser.parse("")).isEmpty();
        assertThat(parser.parse("[{\"Id\":\"x\",\"State\":{\"StartedAt\":\"yesterday\"}}]"))
                .singleElement().isInstanceOfSatisfying(InspectResult.Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo("StartedAt: not an RFC 3339 time: yesterday"));
        assertThat(parser.parse("[{\"Id\":\"x\",\"State\":{}}, oops"))
                .singleElement().isInstanceOf(InspectResult.Rejected.class);
        assertThat(parser.parse("42\n\"text\"\n[1]")).hasSize(3).allMatch(InspectResult.Rejected.class::isInstance);
        assertThat(parser.parseObject("{\"Id\":\"x\",\"State\":{\"StartedAt\":17}}"))
                .isInstanceOf(InspectResult.Rejected.class);
        assertThat(parser.parseObject("{not json")).isInstanceOf(InspectResult.Rejected.class);
    }

    private ContainerFacts parsedNamed(final String name) {
        return parser.parse(InspectFixtures.text("docker-reuse.inspect.jsonl")).stream()
                .filter(InspectResult.Parsed.class::isInstance)
                .map(r -> ((InspectResult.Parsed) r).facts())
                .filter(f -> f.name().equals(name))
                .findFirst().orElseThrow();
    }
}
