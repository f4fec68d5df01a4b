package io.avcwatch.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.avcwatch.parsers.selinux.CategorySet;
import io.avcwatch.schemas.ContainerInstance;
import io.avcwatch.schemas.ContainerLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class LabelTimelineTest {

    @Test
    void oneRecordPerStartAndFinishStampedWithItsTime() {
        final List<LabelVersion> versions = LabelTimeline.of("rocky9", InspectFixtures.facts("rocky9.inspect.json"));

        assertThat(versions).extracting(LabelVersion::key, LabelVersion::validFrom).containsExactly(
                keyAt("rocky9|c170,c393", "2024-04-20T08:53:30.000000123Z"),
                keyAt("rocky9|c170,c393", "2024-04-20T09:08:20.000000123Z"),
                keyAt("rocky9|c126,c245", "2024-04-20T09:10:00.000000123Z"));
        final ContainerLabel started = versions.get(0).label();
        assertThat(started.host()).isEqualTo("rocky9");
        assertThat(started.categories()).isEqualTo("c170,c393");
        assertThat(started.updatedAt()).isEqualTo(versions.get(0).validFrom());
        assertThat(started.containers()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("eager_hopper");
            assertThat(c.finishedAt()).as("a start does not know its end yet").isNull();
        });
        assertThat(versions.get(1).label().containers()).singleElement()
                .extracting(ContainerInstance::finishedAt).isEqualTo(Instant.parse("2024-04-20T09:08:20.000000123Z"));
        assertThat(versions.get(0).timestampMillis()).isEqualTo(Instant.parse("2024-04-20T08:53:30Z").toEpochMilli());
    }

    @Test
    void reusedLabelKeepsTheOldHolderInItsHistory() {
        final List<LabelVersion> versions = forKey(
                LabelTimeline.of("h1", InspectFixtures.facts("docker-reuse.inspect.jsonl")), "h1|c7,c99");

        assertThat(versions).extracting(LabelVersion::validFrom).containsExactly(
                at("2024-06-01T09:00:01Z"), at("2024-06-01T09:20:00Z"), at("2024-06-01T09:40:01Z"));
        final ContainerLabel latest = versions.get(2).label();
        assertThat(names(latest.holdersAt(at("2024-06-01T09:10:00Z")))).containsExactly("batch-old");
        assertThat(names(latest.holdersAt(at("2024-06-01T09:30:00Z")))).isEmpty();
        assertThat(names(latest.holdersAt(at("2024-06-01T09:45:00Z")))).containsExactly("batch-new");
        assertThat(names(versions.get(1).label().holdersAt(at("2024-06-01T09:45:00Z"))))
                .as("the view valid at 09:20 knows nobody after it").isEmpty();
    }

    @Test
    void explicitlySharedLevelListsEveryHolder() {
        final List<LabelVersion> versions = forKey(
                LabelTimeline.of("h1", InspectFixtures.facts("docker-reuse.inspect.jsonl")), "h1|c100,c200");

        assertThat(versions).hasSize(3);
        assertThat(names(versions.get(1).label().holdersAt(at("2024-06-01T09:40:00Z"))))
                .containsExactly("shared-a", "shared-b");
        assertThat(names(versions.get(2).label().holdersAt(at("2024-06-01T10:00:00Z")))).containsExactly("shared-b");
    }

    @Test
    void podMembersShareOneCanonicalKey() {
        final List<LabelVersion> versions = LabelTimeline.of("fedora", InspectFixtures.facts("podman-pod.inspect.json"));
        final List<LabelVersion> pod = forKey(versions, "fedora|c12,c345");

        assertThat(pod).as("infra lists c345,c12; the key is canonical").hasSize(4);
        final ContainerLabel last = pod.get(pod.size() - 1).label();
        assertThat(names(last.holdersAt(at("2024-05-01T08:10:00Z"))))
                .containsExactly("c0ffee00c0ff-infra", "web-pod-nginx", "web-pod-logs");
        assertThat(names(last.holdersAt(at("2024-05-01T08:31:00Z")))).containsExactly("c0ffee00c0ff-infra", "web-pod-nginx");
        assertThat(last.containers()).extracting(ContainerInstance::engine).containsOnly("podman");
    }

    @Test
    void unconfinedContainersAreKeyedByTheirFileCategories() {
        final List<LabelVersion> versions = LabelTimeline.of("fedora", InspectFixtures.facts("podman-pod.inspect.json"));
        final String disabledKey = ContainerLabel.key("fedora", CategorySet.of(1022, 1023).toString());

        assertThat(forKey(versions, disabledKey)).singleElement().satisfies(v -> {
            final ContainerInstance toolbox = v.label().containers().get(0);
            assertThat(toolbox.name()).isEqualTo("toolbox");
            assertThat(toolbox.processLabel()).isEmpty();
            assertThat(toolbox.securityOpt()).containsExactly("label=disable");
            assertThat(toolbox.privileged()).isTrue();
        });
        assertThat(forKey(versions, "fedora|c55,c66")).singleElement()
                .satisfies(v -> assertThat(names(v.label().containers())).containsExactly("node-exporter"));
        assertThat(versions).extracting(LabelVersion::key).doesNotContain("fedora|");
    }

    @Test
    void neverStartedContainersPublishNothing() {
        assertThat(LabelTimeline.of("h1", InspectFixtures.facts("docker-reuse.inspect.jsonl")))
                .extracting(LabelVersion::key).containsOnly("h1|c7,c99", "h1|c3,c40", "h1|c100,c200");
    }

    @Test
    void inputOrderDoesNotMatter() {
        final List<ContainerFacts> facts = new ArrayList<>(InspectFixtures.facts("podman-pod.inspect.json"));
        facts.addAll(InspectFixtures.facts("docker-reuse.inspect.jsonl"));
        final List<LabelVersion> expected = LabelTimeline.of("h", facts);

        Collections.shuffle(facts, new Random(7));
        assertThat(LabelTimeline.of("h", facts)).isEqualTo(expected);
        assertThat(expected).extracting(LabelVersion::validFrom).isSorted();
    }

    @Test
    void pairReleasedAndReissuedInOneTickBelongsToTheNewContainer() {
        final Instant t = at("2024-06-01T12:00:00Z");
        final ContainerFacts old = facts("old", "s0:c1,c5", at("2024-06-01T11:00:00Z"), t);
        final ContainerFacts fresh = facts("fresh", "s0:c1,c5", t, null);
        final ContainerFacts blink = facts("blink", "s0:c8,c19", t, t);

        final List<LabelVersion> versions = LabelTimeline.of("h", List.of(fresh, blink, old));

        assertThat(versions).extracting(LabelVersion::key, LabelVersion::validFrom).containsExactly(
                keyAt("h|c1,c5", "2024-06-01T11:00:00Z"),
                keyAt("h|c1,c5", "2024-06-01T12:00:00Z"),
                keyAt("h|c8,c19", "2024-06-01T12:00:00Z"));
        final List<ContainerInstance> atTick = versions.get(1).label().containers();
        assertThat(atTick).extracting(ContainerInstance::name, ContainerInstance::finishedAt)
                .containsExactly(tuple("old", t), tuple("fresh", null));
        assertThat(versions.get(2).label().containers()).singleElement()
                .extracting(ContainerInstance::finishedAt).as("a zero-length run still ends").isEqualTo(t);
    }

    @Test
    void restartAddsARunAndClosesAMissedOne() {
        final ContainerFacts firstRun = facts("svc", "s0:c1,c5", at("2024-06-01T10:00:00Z"), null);
        final ContainerFacts secondRun = facts("svc", "s0:c1,c5", at("2024-06-01T11:00:00Z"), null);

        final LabelBook afterFirst = LabelBook.empty("h").started(firstRun).book();
        final LabelBook.Update restart = afterFirst.started(secondRun);

        assertThat(restart.published()).singleElement().satisfies(v -> assertThat(v.label().containers())
                .extracting(ContainerInstance::startedAt, ContainerInstance::finishedAt)
                .containsExactly(
                        tuple(at("2024-06-01T10:00:00Z"), at("2024-06-01T11:00:00Z")),
                        tuple(at("2024-06-01T11:00:00Z"), null)));
        assertThat(restart.book().started(secondRun).published()).as("seen before").isEmpty();
        assertThat(restart.book().finished("unknown", at("2024-06-01T12:00:00Z")).published()).isEmpty();
        assertThat(restart.book().finished("svc-id", at("2024-06-01T12:00:00Z")).published()).hasSize(1);
    }

    @Test
    void forgettingOldRunsShrinksLaterValuesButPublishesNothing() {
        final ContainerFacts old = facts("old", "s0:c1,c5", at("2024-06-01T10:00:00Z"), at("2024-06-01T11:00:00Z"));
        final ContainerFacts running = facts("running", "s0:c8,c19", at("2024-06-01T10:00:00Z"), null);
        final LabelBook book = LabelTimeline.apply(LabelBook.empty("h"), List.of(old, running)).book();

        final LabelBook trimmed = book.forget(at("2024-06-02T00:00:00Z"));

        assertThat(trimmed.openContainerIds()).containsExactly("running-id");
        final ContainerFacts reuse = facts("reuse", "s0:c1,c5", at("2024-06-03T00:00:00Z"), null);
        assertThat(trimmed.started(reuse).published()).singleElement()
                .satisfies(v -> assertThat(names(v.label().containers())).containsExactly("reuse"));
        assertThat(book.started(reuse).published()).singleElement()
                .satisfies(v -> assertThat(names(v.label().containers())).containsExactly("old", "reuse"));
    }

    private static ContainerFacts facts(final String name, final String level, final Instant started,
            final Instant finished) {
        return new ContainerFacts("docker", name + "-id", name, "img", "system_u:system_r:container_t:" + level,
                "system_u:object_r:container_file_t:" + level, Optional.ofNullable(started),
                Optional.ofNullable(finished), false, List.of(), "", "bridge", List.of(),
                Optional.empty(), Optional.empty());
    }

    private static List<LabelVersion> forKey(final List<LabelVersion> versions, final String key) {
        return versions.stream().filter(v -> v.key().equals(key)).toList();
    }

    private static List<String> names(final List<ContainerInstance> containers) {
        return containers.stream().map(ContainerInstance::name).toList();
    }

    private static Instant at(final String text) {
        return Instant.parse(text);
    }

    private static Tuple keyAt(final String key, final String time) {
        return tuple(key, Instant.parse(time));
    }
}
