package io.avcwatch.app.rules;

import java.util.List;
import java.util.Locale;

/**
 * What the inventory knows about the container a denial was attributed to, reduced to the facts
 * rules can test. Built by the caller from the inventory entry; the engine never looks it up.
 *
 * @param processLabel the label the engine reported; empty when labelling was disabled
 * @param mounts bind mounts as seen from the host and from inside the container
 */
public record ContainerFacts(
        String id,
        String name,
        String image,
        String engine,
        String processLabel,
        boolean privileged,
        List<String> securityOpt,
        String pidMode,
        String ipcMode,
        String networkMode,
        List<Mount> mounts) {

    public ContainerFacts {
        securityOpt = securityOpt == null ? List.of() : List.copyOf(securityOpt);
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
    }

    /** One bind mount: host source, container destination, writable or not. */
    public record Mount(String source, String destination, boolean rw) {
    }

    /** SELinux separation is off: {@code label=disable}, an empty process label, or {@code spc_t}. */
    public boolean labelDisabled() {
        for (final String opt : securityOpt) {
            final String o = opt.toLowerCase(Locale.ROOT).replace(':', '=');
            if (o.equals("label=disable") || o.equals("label=type=spc_t")) {
                return true;
            }
        }
        return processLabel == null || processLabel.isEmpty() || processLabel.contains(":spc_t:");
    }

    public boolean hostPid() {
        return "host".equals(pidMode);
    }

    public boolean hostIpc() {
        return "host".equals(ipcMode);
    }

    public boolean hostNetwork() {
        return "host".equals(networkMode);
    }

    /** True when a mount's host source is the host's root directory. */
    public boolean mountsHostRoot() {
        return mounts.stream().anyMatch(m -> "/".equals(m.source()));
    }

    /**
     * True when {@code path} (as the container sees it, or as the host sees it) lies under one of
     * the container's bind mounts. Audit prints paths from the process's view, but old kernels and
     * PATH records can show either side, so both are compared.
     */
    public boolean underMount(final String path) {
        if (path == null || path.isEmpty()) {
            return false;
        }
        for (final Mount m : mounts) {
            if (under(path, m.destination()) || under(path, m.source())) {
                return true;
            }
        }
        return false;
    }

    private static boolean under(final String path, final String dir) {
        if (dir == null || dir.isEmpty() || "/".equals(dir)) {
            return false;
        }
        final String d = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
        return path.equals(d) || path.startsWith(d + "/");
    }
}
