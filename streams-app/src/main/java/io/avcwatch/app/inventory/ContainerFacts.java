package io.avcwatch.app.inventory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@code docker inspect} / {@code podman inspect} object says about a container, reduced to
 * the fields that tie an SELinux label to the container and judge how confined it is.
 *
 * @param engine {@code docker} or {@code podman}; empty when the input does not tell
 * @param id full container id
 * @param name container name without Docker's leading slash
 * @param image image reference as the user gave it ({@code Config.Image}, else podman's {@code ImageName})
 * @param processLabel {@code ProcessLabel}; empty when the engine set none ({@code label=disable})
 * @param mountLabel {@code MountLabel}; empty when the engine set none
 * @param startedAt {@code State.StartedAt}; empty for Go's zero time (never started)
 * @param finishedAt {@code State.FinishedAt}; empty for Go's zero time or while the current run goes on
 * @param privileged {@code HostConfig.Privileged}
 * @param securityOpt {@code HostConfig.SecurityOpt}, as given
 * @param pidMode {@code HostConfig.PidMode}; empty when private
 * @param networkMode {@code HostConfig.NetworkMode}
 * @param mounts {@code Mounts}
 * @param pod podman's {@code Pod} id, if the container belongs to a pod
 * @param node the host the container ran on, where the inspect says so ({@code Node.Name}, written by
 *     classic Docker Swarm); plain Docker and Podman do not
 * @param ipcMode {@code HostConfig.IpcMode} ({@code host}: the host's IPC namespace, detections.md H6); empty when unknown
 */
public record ContainerFacts(
        String engine,
        String id,
        String name,
        String image,
        String processLabel,
        String mountLabel,
        Optional<Instant> startedAt,
        Optional<Instant> finishedAt,
        boolean privileged,
        List<String> securityOpt,
        String pidMode,
        String networkMode,
        List<Mount> mounts,
        Optional<String> pod,
        Optional<String> node,
        String ipcMode) {

    /** Facts without {@code HostConfig.IpcMode}. */
    public ContainerFacts(final String engine, final String id, final String name, final String image,
                          final String processLabel, final String mountLabel, final Optional<Instant> startedAt,
                          final Optional<Instant> finishedAt, final boolean privileged, final List<String> securityOpt,
                          final String pidMode, final String networkMode, final List<Mount> mounts,
                          final Optional<String> pod, final Optional<String> node) {
        this(engine, id, name, image, processLabel, mountLabel, startedAt, finishedAt, privileged, securityOpt,
                pidMode, networkMode, mounts, pod, node, "");
    }

    public ContainerFacts {
        engine = Objects.requireNonNullElse(engine, "");
        Objects.requireNonNull(id, "id");
        name = Objects.requireNonNullElse(name, "");
        image = Objects.requireNonNullElse(image, "");
        processLabel = Objects.requireNonNullElse(processLabel, "");
        mountLabel = Objects.requireNonNullElse(mountLabel, "");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        securityOpt = List.copyOf(securityOpt);
        pidMode = Objects.requireNonNullElse(pidMode, "");
        networkMode = Objects.requireNonNullElse(networkMode, "");
        mounts = List.copyOf(mounts);
        Objects.requireNonNull(pod, "pod");
        Objects.requireNonNull(node, "node");
        ipcMode = Objects.requireNonNullElse(ipcMode, "");
    }

    /** One entry of {@code Mounts}. */
    public record Mount(String type, String source, String destination, boolean readWrite) {
        public Mount {
            type = Objects.requireNonNullElse(type, "");
            source = Objects.requireNonNullElse(source, "");
            destination = Objects.requireNonNullElse(destination, "");
        }
    }

    /**
     * True when SELinux does not confine the container: no process label, an {@code spc_t} process
     * label, {@code label=disable} or {@code label=type:spc_t}, or {@code --privileged}.
     */
    public boolean unconfined() {
        return privileged
                || processLabel.isBlank()
                || processType().equals(SPC_T)
                || securityOpt.stream().map(ContainerFacts::labelOption).anyMatch(
                        opt -> opt.equals("disable") || opt.equals("type:" + SPC_T));
    }

    /** True when {@code label=disable} (or the old {@code label:disable}) is among the security options. */
    public boolean labelDisabled() {
        return securityOpt.stream().map(ContainerFacts::labelOption).anyMatch("disable"::equals);
    }

    /** True when the container shares the host's PID namespace. */
    public boolean hostPid() {
        return pidMode.toLowerCase(Locale.ROOT).equals("host");
    }

    /** True when the container shares the host's IPC namespace ({@code --ipc=host}). */
    public boolean hostIpc() {
        return ipcMode.toLowerCase(Locale.ROOT).equals("host");
    }

    /** True when the container was running at {@code time}: started at or before it, not finished before it. */
    public boolean runningAt(final Instant time) {
        return startedAt.isPresent() && !startedAt.get().isAfter(time)
                && (finishedAt.isEmpty() || !finishedAt.get().isBefore(time));
    }

    private static final String SPC_T = "spc_t";

    private String processType() {
        final String[] parts = processLabel.split(":", 4);
        return parts.length >= 3 ? parts[2] : "";
    }

    /** {@code label=disable} and the pre-1.11 Docker spelling {@code label:disable} both yield "disable". */
    private static String labelOption(final String opt) {
        if (opt.startsWith("label=") || opt.startsWith("label:")) {
            return opt.substring("label=".length());
        }
        return "";
    }
}
