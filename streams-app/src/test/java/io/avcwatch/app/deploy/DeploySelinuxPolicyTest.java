package io.avcwatch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The tailer's SELinux type grants reading the audit log and nothing that could change it. This machine
 * has no SELinux, so the module is checked as text: well-formed CIL, read-only permissions on
 * {@code auditd_log_t}, udica's container confinement underneath.
 */
class DeploySelinuxPolicyTest {

    private static final String CIL = "docker/selinux/avcwatch_tailer.cil";
    private static final Pattern ALLOW = Pattern.compile("\\(allow\\s+(\\S+)\\s+(\\S+)\\s+\\((\\w+)\\s+\\(([^)]*)\\)\\)\\)");
    private static final Set<String> READ_PERMS = Set.of("getattr", "search", "open", "read", "lock", "ioctl");

    private static String policy() {
        return RepoFiles.read(CIL).replaceAll(";[^\n]*", "");
    }

    @Test
    void isBalancedAndDefinesOneBlock() {
        int depth = 0;
        for (char c : policy().toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            assertThat(depth).isNotNegative();
        }
        assertThat(depth).isZero();
        assertThat(policy().strip()).startsWith("(block avcwatch_tailer");
        assertThat(policy()).contains("(blockinherit container)", "(blockinherit net_container)");
    }

    @Test
    void allowsOnlyReadingTheAuditLog() {
        final Matcher m = ALLOW.matcher(policy());
        final List<String> classes = new ArrayList<>();
        while (m.find()) {
            assertThat(m.group(1)).isEqualTo("process");
            assertThat(m.group(2)).isEqualTo("auditd_log_t");
            assertThat(m.group(4).split("\\s+")).allMatch(READ_PERMS::contains);
            classes.add(m.group(3));
        }
        assertThat(classes).containsExactlyInAnyOrder("dir", "file");
    }

    @Test
    void composeNamesTheTypeThePolicyDefines() {
        final String compose = RepoFiles.read("docker/compose.yaml");
        assertThat(compose).contains("AVCWATCH_TAILER_SELINUX_TYPE=avcwatch_tailer.process");
        assertThat(RepoFiles.read(CIL)).contains("label=type:avcwatch_tailer.process");
    }
}
