package io.avcwatch.schemas;

import java.util.List;
import java.util.Map;

/** Step-by-step construction of an {@link AvcDenial}; not thread-safe, use once. */
public final class AvcDenialBuilder {

    private String host;
    private EventRef event;
    private AvcRecordType recordType = AvcRecordType.AVC;
    private AvcResult result;
    private List<String> perms;
    private String tclass;
    private Boolean permissive;
    private SelinuxContext scontext;
    private SelinuxContext tcontext;
    private Long pid;
    private String comm;
    private String exe;
    private String path;
    private String name;
    private String dev;
    private Long ino;
    private Map<String, String> fields;
    private SyscallContext syscall;
    private String cwd;
    private List<AuditPath> paths;
    private List<String> proctitle;
    private ContainerRef container;
    private List<ContainerRef> candidates;
    private ContainerRef targetContainer;
    private List<ContainerRef> targetCandidates;
    private SourcePosition source;
    private ContainerInstance containerDetails;

    AvcDenialBuilder() {
    }

    AvcDenialBuilder(final AvcDenial d) {
        host = d.host();
        event = d.event();
        recordType = d.recordType();
        result = d.result();
        perms = d.perms();
        tclass = d.tclass();
        permissive = d.permissive();
        scontext = d.scontext();
        tcontext = d.tcontext();
        pid = d.pid();
        comm = d.comm();
        exe = d.exe();
        path = d.path();
        name = d.name();
        dev = d.dev();
        ino = d.ino();
        fields = d.fields();
        syscall = d.syscall();
        cwd = d.cwd();
        paths = d.paths();
        proctitle = d.proctitle();
        container = d.container();
        candidates = d.candidates();
        targetContainer = d.targetContainer();
        targetCandidates = d.targetCandidates();
        source = d.source();
        containerDetails = d.containerDetails();
    }

    public AvcDenialBuilder host(final String value) {
        host = value;
        return this;
    }

    public AvcDenialBuilder event(final EventRef value) {
        event = value;
        return this;
    }

    public AvcDenialBuilder recordType(final AvcRecordType value) {
        recordType = value;
        return this;
    }

    public AvcDenialBuilder result(final AvcResult value) {
        result = value;
        return this;
    }

    public AvcDenialBuilder perms(final List<String> value) {
        perms = value;
        return this;
    }

    public AvcDenialBuilder tclass(final String value) {
        tclass = value;
        return this;
    }

    public AvcDenialBuilder permissive(final Boolean value) {
        permissive = value;
        return this;
    }

    public AvcDenialBuilder scontext(final SelinuxContext value) {
        scontext = value;
        return this;
    }

    public AvcDenialBuilder tcontext(final SelinuxContext value) {
        tcontext = value;
        return this;
    }

    public AvcDenialBuilder pid(final Long value) {
        pid = value;
        return this;
    }

    public AvcDenialBuilder comm(final String value) {
        comm = value;
        return this;
    }

    public AvcDenialBuilder exe(final String value) {
        exe = value;
        return this;
    }

    public AvcDenialBuilder path(final String value) {
        path = value;
        return this;
    }

    public AvcDenialBuilder name(final String value) {
        name = value;
        return this;
    }

    public AvcDenialBuilder dev(final String value) {
        dev = value;
        return this;
    }

    public AvcDenialBuilder ino(final Long value) {
        ino = value;
        return this;
    }

    public AvcDenialBuilder fields(final Map<String, String> value) {
        fields = value;
        return this;
    }

    public AvcDenialBuilder syscall(final SyscallContext value) {
        syscall = value;
        return this;
    }

    public AvcDenialBuilder cwd(final String value) {
        cwd = value;
        return this;
    }

    public AvcDenialBuilder paths(final List<AuditPath> value) {
        paths = value;
        return this;
    }

    public AvcDenialBuilder proctitle(final List<String> value) {
        proctitle = value;
        return this;
    }

    public AvcDenialBuilder container(final ContainerRef value) {
        container = value;
        return this;
    }

    public AvcDenialBuilder candidates(final List<ContainerRef> value) {
        candidates = value;
        return this;
    }

    public AvcDenialBuilder targetContainer(final ContainerRef value) {
        targetContainer = value;
        return this;
    }

    public AvcDenialBuilder targetCandidates(final List<ContainerRef> value) {
        targetCandidates = value;
        return this;
    }

    public AvcDenialBuilder source(final SourcePosition value) {
        source = value;
        return this;
    }

    public AvcDenialBuilder containerDetails(final ContainerInstance value) {
        containerDetails = value;
        return this;
    }

    /** The denial; host, event and record type are required. */
    public AvcDenial build() {
        return new AvcDenial(host, event, recordType, result, perms, tclass, permissive, scontext, tcontext, pid,
                comm, exe, path, name, dev, ino, fields, syscall, cwd, paths, proctitle, container, candidates,
                targetContainer, targetCandidates, source, containerDetails);
    }
}
