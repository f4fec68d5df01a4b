package io.avcwatch.app.analyze;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded synthetic audit log of several hosts, interleaved, with the shapes that make a replay order-sensitive:
 * repeated denials of one container (storms that open and close by event time), denials of labels no inventory
 * knows (they wait for late inventory), SELinux mode switches between denials, events with and without EOE.
 * Host {@code node-alpha1} uses the container labels of the demo's inventory file, so its denials are
 * attributed; the others' are not.
 */
final class MultiHostLog {
    static final String KNOWN_HOST = "node-alpha1";
    private static final List<String> HOSTS = List.of(KNOWN_HOST, "node-b", "node-c", "node-d", "node-e");
    private static final List<String> KNOWN_LABELS = List.of("c38,c390", "c211,c331", "c134,c771");
    private static final List<String> UNKNOWN_LABELS = List.of("c1,c2", "c5,c9", "c700,c701");
    private static final List<String[]> TARGETS = List.of(
            new String[] {"read", "shadow", "shadow_t", "file"},
            new String[] {"write", "release_agent", "cgroup_t", "file"},
            new String[] {"write", "runc", "container_runtime_exec_t", "file"},
            new String[] {"read", "data", "container_file_t", "file"});
    /** Right after the demo containers started (2025-12-05T21:50:24Z). */
    private static final long START_MS = 1_764_971_430_000L;

    private MultiHostLog() {
    }

    /** Writes {@code events} events; returns the file. */
    static Path write(final Path file, final int events, final long seed) throws IOException {
        final Random random = new Random(seed);
        final Map<String, Long> serials = new HashMap<>();
        final Map<String, Boolean> enforcing = new HashMap<>();
        long timeMs = START_MS;
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < events; i++) {
                final String host = HOSTS.get(random.nextInt(HOSTS.size()));
                final long serial = serials.merge(host, 1L, Long::sum) + 1000;
                timeMs += 1 + random.nextInt(40);
                final String stamp = (timeMs / 1000) + "." + String.format("%03d", timeMs % 1000);
                final String head = "node=" + host + " type=%s msg=audit(" + stamp + ":" + serial + "): ";
                final int kind = random.nextInt(100);
                if (kind < 2) {
                    final boolean was = enforcing.getOrDefault(host, true);
                    enforcing.put(host, !was);
                    out.write(String.format(head, "MAC_STATUS") + "enforcing=" + (was ? 0 : 1) + " old_enforcing="
                            + (was ? 1 : 0) + " auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1\n");
                    out.write(String.format(head, "PROCTITLE") + "proctitle=736574656E666F7263650030\n");
                } else if (kind < 60) {
                    final List<String> labels = host.equals(KNOWN_HOST) && random.nextInt(4) > 0
                            ? KNOWN_LABELS : UNKNOWN_LABELS;
                    final String scontext = "system_u:system_r:container_t:s0:" + labels.get(random.nextInt(labels.size()));
                    final String[] target = TARGETS.get(random.nextInt(TARGETS.size()));
                    final String tcontext = "system_u:object_r:" + target[2] + ":s0"
                            + (target[2].equals("container_file_t") ? scontext.substring(scontext.lastIndexOf(':')) : "");
                    out.write(String.format(head, "AVC") + "avc:  denied  { " + target[0] + " } for  pid=4242 comm=\"sh\""
                            + " name=\"" + target[1] + "\" dev=\"dm-0\" ino=42 scontext=" + scontext + " tcontext="
                            + tcontext + " tclass=" + target[3] + " permissive=0\n");
                    out.write(String.format(head, "SYSCALL") + "arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c"
                            + " a1=7ffd1 a2=241 a3=1b6 items=1 ppid=1 pid=4242 auid=4294967295 uid=0 gid=0 euid=0 suid=0"
                            + " fsuid=0 egid=0 sgid=0 fsgid=0 tty=pts0 ses=4294967295 comm=\"sh\" exe=\"/usr/bin/sh\" subj="
                            + scontext + " key=(null)\n");
                    out.write(String.format(head, "PROCTITLE") + "proctitle=7368\n");
                    if (random.nextBoolean()) {
                        out.write(String.format(head, "EOE") + "\n");
                    }
                } else {
                    out.write(String.format(head, "SYSCALL") + "arch=c000003e syscall=59 success=yes exit=0 a0=1 a1=2"
                            + " a2=3 a3=4 items=1 ppid=1 pid=77 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0"
                            + " sgid=0 fsgid=0 tty=pts0 ses=3 comm=\"ls\" exe=\"/usr/bin/ls\""
                            + " subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 key=(null)\n");
                    out.write(String.format(head, "CWD") + "cwd=\"/root\"\n");
                    if (random.nextBoolean()) {
                        out.write(String.format(head, "EOE") + "\n");
                    }
                }
            }
        }
        return file;
    }
}
