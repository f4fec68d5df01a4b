package io.avcwatch.app.cli;

import io.avcwatch.schemas.ContainerLabel;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host name inventory keys carry: {@code --host}, else this machine's name. */
final class InventoryHost {

    private InventoryHost() {
    }

    static String orLocal(final String option) {
        return checked(option == null || option.isBlank() ? local() : option);
    }

    /** A host name cannot hold the key separator, or keys would be ambiguous. */
    static String checked(final String host) {
        if (host.contains(ContainerLabel.KEY_SEPARATOR)) {
            throw new UserException("--host must not contain '" + ContainerLabel.KEY_SEPARATOR + "': " + host);
        }
        return host;
    }

    /** The kernel's host name, which auditd writes as {@code node=} with {@code name_format=hostname}. */
    private static String local() {
        try {
            final String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException e) {
            // not Linux: ask the resolver
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            throw new UserException("cannot tell this machine's name: pass --host NAME", e);
        }
    }
}
