package io.avcwatch.parsers.assemble;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.AuditEvent;
import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventAssemblerTest {
    private final List<AuditEvent> events = new ArrayList<>();

    private static AuditRecord line(String text) {
        return (AuditRecord) AuditLineParser.parse(text);
    }

    private EventAssembler assembler(long timeout, int maxInFlight) {
        return new EventAssembler(new AssemblerSettings(timeout, maxInFlight), events::add);
    }

    private static List<String> types(AuditEvent event) {
        return event.records().stream().map(AuditRecord::type).toList();
    }

    @Test
    void eoeCompletesAnEvent() {
        EventAssembler assembler = assembler(2000, 100);
        assembler.accept(line("type=AVC msg=audit(100.000:1): avc:  denied  { read } for pid=1"));
        assembler.accept(line("type=SYSCALL msg=audit(100.000:1): arch=c000003e syscall=2"));
        assertThat(events).isEmpty();
        assembler.accept(line("type=EOE msg=audit(100.000:1): "));
        assertThat(events).hasSize(1);
        assertThat(types(events.get(0))).containsExactly("AVC", "SYSCALL", "EOE");
        assertThat(assembler.inFlight()).isZero();
    }

    @Test
    void proctitleAfterSyscallCompletesAndALateEoeIsAbsorbed() {
        EventAssembler assembler = assembler(2000, 100);
        assembler.accept(line("type=SYSCALL msg=audit(100.000:1): arch=c000003e syscall=2"));
        assembler.accept(line("type=PROCTITLE msg=audit(100.000:1): proctitle=6C73"));
        assertThat(events).hasSize(1);
        assembler.accept(line("type=EOE msg=audit(100.000:1): "));
        assertThat(events).hasSize(1);
        assertThat(assembler.lateEoe()).isEqualTo(1);
    }

    @Test
    void proctitleFirstDoesNotSplitTheEvent() {
        EventAssembler assembler = assembler(2000, 100);
        assembler.accept(line("type=PROCTITLE msg=audit(100.000:7): proctitle=72756E6300696E6974"));
        assembler.accept(line("type=SYSCALL msg=audit(100.000:7): arch=c000003e syscall=59"));
        assembler.accept(line("type=AVC msg=audit(100.000:7): avc:  denied  { entrypoint } for pid=1"));
        assembler.flush();
        assertThat(events).hasSize(1);
        assertThat(types(events.get(0))).containsExactly("PROCTITLE", "SYSCALL", "AVC");
    }

    @Test
    void userMessagesStandAlone() {
        EventAssembler assembler = assembler(2000, 100);
        assembler.accept(line("type=USER_AVC msg=audit(100.000:3): pid=1 msg='avc:  denied  { status } for x=1'"));
        assembler.accept(line("type=USER_LOGIN msg=audit(100.000:4): pid=1 res=success"));
        assertThat(events).hasSize(2);
    }

    @Test
    void timeoutIsMeasuredInEventTime() {
        EventAssembler assembler = assembler(2000, 100);
        assembler.accept(line("type=AVC msg=audit(100.000:1): avc:  denied  { read } for pid=1"));
        assembler.accept(line("type=SYSCALL msg=audit(100.000:1): arch=c000003e syscall=2"));
        assembler.accept(line("type=AVC msg=audit(101.500:2): avc:  denied  { read } for pid=1"));
        assertThat(events).isEmpty();
        assembler.accept(line("type=AVC msg=audit(102.001:3): avc:  denied  { read } for pid=1"));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).id().serial()).isEqualTo(1);
        assertThat(assembler.timedOut()).isEqualTo(1);
    }

    @Test
    void inFlightIsBounded() {
        EventAssembler assembler = assembler(60_000, 2);
        for (int serial = 1; serial <= 5; serial++) {
            assembler.accept(line("type=AVC msg=audit(100.000:" + serial + "): avc:  denied  { read } for pid=1"));
        }
        assertThat(assembler.inFlight()).isEqualTo(2);
        assertThat(assembler.evicted()).isEqualTo(3);
        assertThat(events).extracting(e -> e.id().serial()).containsExactly(1L, 2L, 3L);
    }

    @Test
    void interleavedHostsAreKeptApartAndGapsCountPerNode() {
        EventAssembler assembler = assembler(2000, 100);
        assembler.accept(line("node=a type=SYSCALL msg=audit(100.000:10): syscall=2"));
        assembler.accept(line("node=b type=SYSCALL msg=audit(100.000:10): syscall=3"));
        assembler.accept(line("node=a type=EOE msg=audit(100.000:10): "));
        assembler.accept(line("node=b type=SYSCALL msg=audit(100.100:14): syscall=3"));
        assembler.accept(line("node=a type=SYSCALL msg=audit(100.100:11): syscall=3"));
        assembler.flush();
        assertThat(events).extracting(AuditEvent::node).containsExactly("a", "b", "b", "a");
        assertThat(events.get(0).records()).hasSize(2);
        assertThat(assembler.lostEvents("a")).isZero();
        assertThat(assembler.lostEvents("b")).isEqualTo(3);
        assertThat(assembler.lostEvents()).containsEntry("b", 3L);
    }

    @Test
    void partialEventIsImmutable() {
        PartialEvent first = PartialEvent.start(line("type=SYSCALL msg=audit(100.000:1): syscall=2"));
        PartialEvent second = first.add(line("type=EOE msg=audit(100.000:1): "));
        assertThat(first.records()).hasSize(1);
        assertThat(first.isComplete()).isFalse();
        assertThat(second.records()).hasSize(2);
        assertThat(second.isComplete()).isTrue();
        assertThat(second.isExpired(102_001, 2000)).isTrue();
        assertThat(second.toEvent().first("SYSCALL")).isNotNull();
    }

    @Test
    void twoSyslogHostsSharingASerialStayTwoEvents() {
        EventAssembler assembler = assembler(2000, 100);
        assembler.accept(line("Dec  5 21:50:43 host-a kernel: audit: type=1400 audit(1764971443.672:100): avc:"
                + " denied { read } for pid=1 tclass=file"));
        assembler.accept(line("Dec  5 21:50:43 host-b kernel: audit: type=1400 audit(1764971443.700:100): avc:"
                + " denied { write } for pid=2 tclass=file"));
        assembler.flush();
        assertThat(events).hasSize(2);
        assertThat(events).extracting(AuditEvent::host).containsExactly("host-a", "host-b");
        assertThat(events).extracting(e -> e.records().size()).containsExactly(1, 1);
        assertThat(events.get(0).node()).isNull();
    }

    @Test
    void partialEventKeysOnSyslogHostWhenNodeIsAbsent() {
        AuditRecord a = line("Dec  5 21:50:43 host-a kernel: audit: type=1400 audit(1764971443.672:100): avc:"
                + " denied { read } for pid=1 tclass=file");
        AuditRecord b = line("Dec  5 21:50:43 host-b kernel: audit: type=1400 audit(1764971443.700:100): avc:"
                + " denied { write } for pid=2 tclass=file");
        assertThat(EventKey.of(a)).isEqualTo(new EventKey("host-a", 100));
        assertThat(EventKey.of(b)).isNotEqualTo(EventKey.of(a));
        assertThat(PartialEvent.start(a).toEvent().host()).isEqualTo("host-a");
        AuditRecord withNode = line("node=n1 type=AVC msg=audit(1.000:5): avc:  denied  { read } for pid=1");
        assertThat(EventKey.of(withNode)).isEqualTo(new EventKey("n1", 5));
    }
}
