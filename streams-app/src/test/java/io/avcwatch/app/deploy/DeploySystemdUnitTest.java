package io.avcwatch.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The host tailer's systemd unit: runs the tailer on audit.log, hardened, and is valid systemd. */
class DeploySystemdUnitTest {

    private static final String UNIT = "tailer/src/main/dist/avcwatch-tailer.service";
    private static final String ENV_EXAMPLE = "tailer/src/main/dist/avcwatch-tailer.env";
    private static final String SERVICE = "Service";
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

    private static UnitFile unit() {
        return UnitFile.parse(RepoFiles.read(UNIT));
    }

    @Test
    void runsTheTailerOnTheAuditLogFromTheInstalledJar() {
        final String exec = unit().value(SERVICE, "ExecStart");
        assertThat(exec).startsWith("/usr/bin/java ")
                .contains(" -jar /opt/avcwatch/" + Path.of(MavenArtifacts.fromPom().jar()).getFileName() + " ")
                .contains(" tail --file /var/log/audit/audit.log --bootstrap ${AVCWATCH_BOOTSTRAP}");
        assertThat(unit().value(SERVICE, "EnvironmentFile")).isEqualTo("/etc/avcwatch/tailer.env");
        assertThat(unit().value(SERVICE, "Restart")).isEqualTo("on-failure");
        assertThat(unit().value("Install", "WantedBy")).isEqualTo("multi-user.target");
        assertThat(unit().value("Unit", "After")).contains("network-online.target");
    }

    @Test
    void everyVariableTheCommandUsesIsInTheExampleEnvironmentFile() throws IOException {
        final Properties example = new Properties();
        example.load(Files.newBufferedReader(RepoFiles.path(ENV_EXAMPLE), StandardCharsets.UTF_8));
        final Matcher m = VARIABLE.matcher(unit().value(SERVICE, "ExecStart"));
        int used = 0;
        while (m.find()) {
            assertThat(example).containsKey(m.group(1));
            used++;
        }
        assertThat(used).isEqualTo(2);
        assertThat(example.getProperty("AVCWATCH_BOOTSTRAP")).isNotBlank();
    }

    @Test
    void isHardenedAndReadsTheLogWithoutAnyCapability() {
        final UnitFile unit = unit();
        assertThat(unit.values(SERVICE, "CapabilityBoundingSet")).containsExactly("");
        assertThat(unit.values(SERVICE, "AmbientCapabilities")).containsExactly("");
        assertThat(unit.value(SERVICE, "User")).isEqualTo("root");
        Map.of("NoNewPrivileges", "yes", "ProtectSystem", "strict", "ReadOnlyPaths", "/var/log/audit",
                        "ProtectHome", "yes", "PrivateTmp", "yes", "PrivateDevices", "yes",
                        "RestrictSUIDSGID", "yes", "StateDirectory", "avcwatch")
                .forEach((key, expected) -> assertThat(unit.value(SERVICE, key)).as(key).isEqualTo(expected));
        assertThat(unit.values(SERVICE, "ReadWritePaths")).as("nothing writable but the state directory").isEmpty();
        assertThat(unit.value(SERVICE, "WorkingDirectory")).isEqualTo("/var/lib/" + unit.value(SERVICE, "StateDirectory"));
        assertThat(unit.values(SERVICE, "MemoryDenyWriteExecute")).as("the JIT needs W+X pages").isEmpty();
        assertThat(unit.value(SERVICE, "RestrictAddressFamilies").split(" "))
                .containsExactlyInAnyOrder("AF_INET", "AF_INET6", "AF_UNIX", "AF_NETLINK");
    }

    @Test
    void systemdAnalyzeVerifiesTheUnit() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "systemd-analyze is not installed (Debian package systemd)");
        final Process process = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", RepoFiles.path(UNIT).toString())
                .redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("warnings about this unit").doesNotContain("avcwatch-tailer.service");
    }

    @Test
    void parserKeepsEmptyAssignmentsAndRepeatedKeys() {
        final UnitFile parsed = UnitFile.parse("[Service]\n# c\nCapabilityBoundingSet=\nA=1 \\\n 2\nA=3\n");
        assertThat(parsed.values(SERVICE, "CapabilityBoundingSet")).containsExactly("");
        assertThat(parsed.values(SERVICE, "A")).isEqualTo(List.of("1 2", "3"));
    }
}
