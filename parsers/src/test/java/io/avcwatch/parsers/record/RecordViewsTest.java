package io.avcwatch.parsers.record;

import static org.assertj.core.api.Assertions.assertThat;

import io.avcwatch.parsers.AuditLineParser;
import io.avcwatch.parsers.AuditRecord;
import io.avcwatch.parsers.avc.AvcRecord;
import io.avcwatch.parsers.selinux.CategorySet;
import org.junit.jupiter.api.Test;

class RecordViewsTest {

    private static AuditRecord line(String text) {
        return (AuditRecord) AuditLineParser.parse(text);
    }

    @Test
    void avcView() {
        AvcRecord avc = AvcRecord.of(line("type=AVC msg=audit(1.000:1): avc:  denied  { read write open } for  pid=9235"
                + " comm=\"date\" path=\"/dev/null\" dev=\"tmpfs\" ino=5 scontext=system_u:system_r:container_t:s0:c24,c709"
                + " tcontext=system_u:object_r:container_file_t:s0:c709,c24 tclass=chr_file permissive=1")).orElseThrow();
        assertThat(avc.isDenied()).isTrue();
        assertThat(avc.perms()).containsExactly("read", "write", "open");
        assertThat(avc.scontext().type()).isEqualTo("container_t");
        assertThat(avc.tcontext().categories()).isEqualTo(CategorySet.of(24, 709));
        assertThat(avc.rawTcontext()).isEqualTo("system_u:object_r:container_file_t:s0:c709,c24");
        assertThat(avc.tclass()).isEqualTo("chr_file");
        assertThat(avc.permissive()).isTrue();
        assertThat(avc.pid()).isEqualTo(9235L);
        assertThat(avc.comm()).isEqualTo("date");
        assertThat(avc.path()).isEqualTo("/dev/null");
        assertThat(avc.field("ino")).isEqualTo("5");
        assertThat(avc.otherFields()).extracting(f -> f.name()).containsExactly("pid", "comm", "path", "dev", "ino");
    }

    @Test
    void avcWithoutPermissiveFieldHasNullPermissive() {
        AvcRecord avc = AvcRecord.of(line("type=AVC msg=audit(1.000:1): avc:  granted  { setenforce } for pid=1"
                + " scontext=a:b:c:s0 tcontext=a:b:c:s0 tclass=security")).orElseThrow();
        assertThat(avc.permissive()).isNull();
        assertThat(avc.isDenied()).isFalse();
        assertThat(avc.verdict()).isEqualTo("granted");
    }

    @Test
    void syscallViewNamesSyscallAndErrno() {
        SyscallRecord x86 = SyscallRecord.of(line("type=SYSCALL msg=audit(1.000:1): arch=c000003e syscall=257 success=no"
                + " exit=-13 a0=ffffff9c items=1 ppid=1 pid=42 auid=1000 uid=0 comm=\"cat\" exe=\"/usr/bin/cat\""
                + " subj=system_u:system_r:container_t:s0:c1,c2 key=(null)")).orElseThrow();
        assertThat(x86.archName()).isEqualTo("x86_64");
        assertThat(x86.name()).isEqualTo("openat");
        assertThat(x86.success()).isFalse();
        assertThat(x86.errno()).isEqualTo("EACCES");
        assertThat(x86.pid()).isEqualTo(42L);
        assertThat(x86.auid()).isEqualTo(1000L);
        assertThat(x86.comm()).isEqualTo("cat");
        assertThat(x86.subj()).isEqualTo("system_u:system_r:container_t:s0:c1,c2");
        SyscallRecord arm = SyscallRecord.of(line("type=SYSCALL msg=audit(1.000:1): arch=c00000b7 syscall=56 success=yes"
                + " exit=3")).orElseThrow();
        assertThat(arm.name()).isEqualTo("openat");
        assertThat(arm.errno()).isNull();
    }

    @Test
    void proctitleSplitsArgvAtNul() {
        ProctitleRecord title = ProctitleRecord.of(line("type=PROCTITLE msg=audit(1.000:1):"
                + " proctitle=2F7573722F62696E2F72756E6300696E6974")).orElseThrow();
        assertThat(title.argv()).containsExactly("/usr/bin/runc", "init");
        assertThat(ProctitleRecord.of(line("type=PROCTITLE msg=audit(1.000:1): proctitle=\"bash\"")).orElseThrow().argv())
                .containsExactly("bash");
    }

    @Test
    void pathCwdExecveViews() {
        assertThat(PathRecord.of(line("type=PATH msg=audit(1.000:1): item=0 name=\"/etc/shadow\" inode=5 nametype=NORMAL"
                + " obj=system_u:object_r:shadow_t:s0")).orElseThrow())
                .extracting(PathRecord::name, PathRecord::nametype, PathRecord::item)
                .containsExactly("/etc/shadow", "NORMAL", 0L);
        assertThat(CwdRecord.of(line("type=CWD msg=audit(1.000:1): cwd=2F746D702F6120620A")).orElseThrow().cwd())
                .isEqualTo("/tmp/a b\n");
        assertThat(ExecveRecord.of(line("type=EXECVE msg=audit(1.000:1): argc=3 a0=\"ls\" a1=\"-l\" a2=2F746D702F612062"))
                .orElseThrow().args()).containsExactly("ls", "-l", "/tmp/a b");
    }

    @Test
    void sockaddrView() {
        SockaddrRecord inet = SockaddrRecord.of(line("type=SOCKADDR msg=audit(1.000:1):"
                + " saddr=02000050C0A800010000000000000000")).orElseThrow();
        assertThat(inet.family()).isEqualTo("inet");
        assertThat(inet.address()).isEqualTo("192.168.0.1");
        assertThat(inet.port()).isEqualTo(80);
        SockaddrRecord local = SockaddrRecord.of(line("type=SOCKADDR msg=audit(1.000:1):"
                + " saddr=01002F72756E2F646F636B65722E736F636B00")).orElseThrow();
        assertThat(local.address()).isEqualTo("/run/docker.sock");
    }

    @Test
    void selinuxStateViews() {
        MacStatusRecord status = MacStatusRecord.of(line("type=MAC_STATUS msg=audit(1.000:1): enforcing=0 old_enforcing=1"
                + " auid=1000 ses=2 enabled=1 old-enabled=1 lsm=selinux res=1")).orElseThrow();
        assertThat(status.isWeakening()).isTrue();
        MacConfigChangeRecord bool = MacConfigChangeRecord.of(line("type=MAC_CONFIG_CHANGE msg=audit(1.000:1):"
                + " bool=container_manage_cgroup val=1 old_val=0 auid=1000 ses=2")).orElseThrow();
        assertThat(bool.bool()).isEqualTo("container_manage_cgroup");
        assertThat(bool.value()).isTrue();
        assertThat(bool.oldValue()).isFalse();
        assertThat(MacPolicyLoadRecord.of(line("type=MAC_POLICY_LOAD msg=audit(1.000:1): auid=0 ses=1 lsm=selinux res=1"))
                .orElseThrow().success()).isTrue();
        SelinuxErrRecord err = SelinuxErrRecord.of(line("type=SELINUX_ERR msg=audit(1.000:1):"
                + " op=security_bounded_transition seresult=denied oldcontext=system_u:system_r:container_runtime_t:s0"
                + " newcontext=system_u:system_r:spc_t:s0")).orElseThrow();
        assertThat(err.op()).isEqualTo("security_bounded_transition");
        assertThat(err.tcontext().type()).isEqualTo("spc_t");
        assertThat(SelinuxErrRecord.of(line("type=AVC msg=audit(1.000:1): x=1"))).isEmpty();
    }
}
