package io.avcwatch.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One container as the inventory saw it, with what matters when judging an escape attempt.
 * Names follow {@code docker inspect} / {@code podman inspect}.
 *
 * @param id           full container id
 * @param name         name without the leading slash
 * @param image        {@code Config.Image}
 * @param engine       {@code docker}, {@code podman}, {@code cri-o}, ...; null if unknown
 * @param processLabel {@code ProcessLabel} ({@code system_u:system_r:container_t:s0:c170,c393}); empty when unconfined
 * @param mountLabel   {@code MountLabel} ({@code system_u:object_r:container_file_t:s0:c170,c393})
 * @param startedAt    {@code State.StartedAt}; null if never started
 * @param finishedAt   {@code State.FinishedAt}; null while running (Docker's zero time
 *                     {@code 0001-01-01T00:00:00Z} reads as null)
 * @param privileged   {@code HostConfig.Privileged}
 * @param securityOpt  {@code HostConfig.SecurityOpt} ({@code label=disable}, {@code label=type:spc_t})
 * @param pidMode      {@code HostConfig.PidMode} ({@code host} shares the host's pid namespace)
 * @param networkMode  {@code HostConfig.NetworkMode}
 * @param mounts       {@code Mounts}
 * @param ipcMode      {@code HostConfig.IpcMode} ({@code host} shares the host's IPC namespace); null if unknown
 */
public record ContainerInstance(String id, String name, String image, String engine, String processLabel,
                                String mountLabel, Instant startedAt, Instant finishedAt, Boolean privileged,
                                List<String> securityOpt, String pidMode, String networkMode,
                                List<ContainerMount> mounts, String ipcMode) {

    public ContainerInstance {
        Objects.requireNonNull(id, "id");
        startedAt = unlessZeroTime(startedAt);
        finishedAt = unlessZeroTime(finishedAt);
        securityOpt = Copies.list(securityOpt);
        mounts = Copies.list(mounts);
    }

    /** The instance without {@code HostConfig.IpcMode} (producers from before the field existed). */
    public ContainerInstance(final String id, final String name, final String image, final String engine,
                             final String processLabel, final String mountLabel, final Instant startedAt,
                             final Instant finishedAt, final Boolean privileged, final List<String> securityOpt,
                             final String pidMode, final String networkMode, final List<ContainerMount> mounts) {
        this(id, name, image, engine, processLabel, mountLabel, startedAt, finishedAt, privileged, securityOpt,
                pidMode, networkMode, mounts, null);
    }

    /** Docker and Podman write Go's zero time for "not yet"; anything before the epoch is that marker. */
    private static Instant unlessZeroTime(final Instant time) {
        return time == null || time.isBefore(Instant.EPOCH) ? null : time;
    }

    /** The short form used by denials and alerts. */
    public ContainerRef ref() {
        return new ContainerRef(id, name, image);
    }

    /** Whether the container held its label at {@code time}: started at or before it, not finished before it. */
    public boolean heldLabelAt(final Instant time) {
        final boolean started = startedAt == null || !startedAt.isAfter(time);
        final boolean notFinished = finishedAt == null || !finishedAt.isBefore(time);
        return started && notFinished;
    }
}
