package io.avcwatch.schemas;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The value of {@code avc.denials}: one SELinux decision (AVC, USER_AVC or SELINUX_ERR record) with
 * the context of its event (SYSCALL, CWD, PATH, PROCTITLE) and, where the inventory knows it, the
 * container that held the subject's (and the target's) MCS label at that moment.
 *
 * <p>Schema: {@code io/avcwatch/schemas/v1/avc-denial.schema.json}. Build one with {@link #builder()}.
 *
 * @param host             the audit node ({@code node=}) or the tailer's host name
 * @param event            the event this record belongs to
 * @param recordType       which record carried the decision
 * @param result           denied or granted ({@code seresult} of SELINUX_ERR); null when the record states none
 * @param perms            the permissions in the order audit printed them
 * @param tclass           target object class ({@code file}, {@code chr_file}, {@code unix_stream_socket})
 * @param permissive       {@code permissive=1} (logged, not enforced); null when the record has no such field
 * @param scontext         source (subject) context
 * @param tcontext         target (object) context
 * @param pid              subject process id
 * @param comm             subject command name
 * @param exe              subject executable (AVC or SYSCALL)
 * @param path             target path when the AVC record names one
 * @param name             target name (last path component) from the AVC record
 * @param dev              device of the target ({@code "dm-0"})
 * @param ino              inode of the target
 * @param fields           every other field of the record, raw ({@code capability}, {@code kmod}, {@code laddr}, ...)
 * @param syscall          the event's SYSCALL record, or null
 * @param cwd              the event's CWD, or null
 * @param paths            the event's PATH records in order
 * @param proctitle        the event's PROCTITLE as argv (hex decoded, split at NUL)
 * @param container        the container the subject ran in, when exactly one held its label; else null
 * @param candidates       every container that held the subject's label (more than one when a label was reused)
 * @param targetContainer  the container owning the target's label, when it is a different, known container
 * @param targetCandidates every container that held the target's label
 * @param source           where the record was read (provenance), or null
 * @param containerDetails the inventory's full facts (mounts, privileged, image) on {@code container}, so
 *                         detection can apply mount- and image-aware rules without its own lookup; null when
 *                         {@code container} is null or the producer predates this field
 */
public record AvcDenial(String host, EventRef event, AvcRecordType recordType, AvcResult result, List<String> perms,
                        String tclass, Boolean permissive, SelinuxContext scontext, SelinuxContext tcontext,
                        Long pid, String comm, String exe, String path, String name, String dev, Long ino,
                        Map<String, String> fields, SyscallContext syscall, String cwd, List<AuditPath> paths,
                        List<String> proctitle, ContainerRef container, List<ContainerRef> candidates,
                        ContainerRef targetContainer, List<ContainerRef> targetCandidates, SourcePosition source,
                        ContainerInstance containerDetails) {

    public AvcDenial {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(recordType, "recordType");
        perms = Copies.list(perms);
        fields = Copies.sortedMap(fields);
        paths = Copies.list(paths);
        proctitle = Copies.list(proctitle);
        candidates = Copies.list(candidates);
        targetCandidates = Copies.list(targetCandidates);
    }

    /** Whether the subject ran in a known container. */
    public boolean inContainer() {
        return container != null || !candidates.isEmpty();
    }

    /** A builder with every optional part empty. */
    public static AvcDenialBuilder builder() {
        return new AvcDenialBuilder();
    }

    /** A builder that starts from this denial, e.g. to attach the container once it is known. */
    public AvcDenialBuilder toBuilder() {
        return new AvcDenialBuilder(this);
    }
}
